package io.tokensdk.crypto.internal;

import java.util.Base64;

/**
 * Base64 helpers shared by the envelopes. Internal: not part of the public API.
 */
public final class Base64s {
    private Base64s() {
    }

    /**
     * Decodes standard base64, ignoring line breaks and other ASCII whitespace (some senders wrap lines).
     *
     * @param value the base64 text
     * @return the decoded bytes
     * @throws IllegalArgumentException if the text is not base64
     */
    public static byte[] decodeLenientWhitespace(String value) {
        StringBuilder compact = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\r' && c != '\n' && c != '\t') {
                compact.append(c);
            }
        }
        return Base64.getDecoder().decode(compact.toString());
    }
}
