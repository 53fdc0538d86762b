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
        int first = firstWhitespace(value);
        if (first < 0) {
            return Base64.getDecoder().decode(value);
        }
        StringBuilder compact = new StringBuilder(value.length()).append(value, 0, first);
        for (int i = first + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isWhitespace(c)) {
                compact.append(c);
            }
        }
        return Base64.getDecoder().decode(compact.toString());
    }

    private static int firstWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isWhitespace(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\r' || c == '\n' || c == '\t';
    }
}
