package io.tokensdk.crypto.jwe;

import io.tokensdk.crypto.internal.OpenFailure;
import java.nio.charset.StandardCharsets;

/**
 * A compact JWE's five parts, located once in one ASCII copy of the text and decoded from there without further
 * copies, after the checks that RFC 7516/7518 demand and nimbus does not make: nimbus accepts an IV of any length and
 * a tag shorter than the enc's (tag bytes moved into the ciphertext). Every part is canonical unpadded base64url.
 */
final class CompactJwe {
    /** A256GCM: a 96-bit IV and a 128-bit tag (RFC 7518, section 5.3). */
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int HEADER = 0;
    static final int ENCRYPTED_KEY = 1;
    static final int IV = 2;
    static final int CIPHERTEXT = 3;
    static final int TAG = 4;
    private static final int PARTS = 5;

    private final String text;
    private final byte[] ascii;
    /** Part i is ascii[starts[i], ends[i]). */
    private final int[] starts = new int[PARTS];
    private final int[] ends = new int[PARTS];

    private CompactJwe(String text) {
        this.text = text;
        this.ascii = text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The five parts, once they pass. */
    static CompactJwe requireStrictParts(String compact, int maxLength, boolean directKeyAgreement) {
        if (compact == null) {
            throw new OpenFailure("no JWE");
        }
        if (compact.length() > maxLength) {
            throw new OpenFailure("longer than " + maxLength + " characters");
        }
        CompactJwe jwe = new CompactJwe(compact);
        jwe.locateParts();
        if (directKeyAgreement && jwe.length(ENCRYPTED_KEY) != 0) {
            throw new OpenFailure("an encrypted key with direct key agreement");
        }
        if (jwe.decodedLength(IV) != IV_BYTES) {
            throw new OpenFailure("the IV is not 96 bits");
        }
        if (jwe.decodedLength(TAG) != TAG_BYTES) {
            throw new OpenFailure("the authentication tag is not 128 bits");
        }
        return jwe;
    }

    private void locateParts() {
        int part = 0;
        for (int i = 0; i < ascii.length; i++) {
            if (ascii[i] == '.') {
                if (part == PARTS - 1) {
                    throw new OpenFailure("not a compact JWE of five parts");
                }
                ends[part] = i;
                starts[++part] = i + 1;
            }
        }
        if (part != PARTS - 1) {
            throw new OpenFailure("not a compact JWE of five parts");
        }
        ends[part] = ascii.length;
    }

    /** Part i as sent, for nimbus. */
    String part(int i) {
        return text.substring(starts[i], ends[i]);
    }

    /** Part i decoded. */
    byte[] decode(int i) {
        byte[] decoded = Base64Url.decode(ascii, starts[i], ends[i]);
        if (decoded == null) {
            throw notBase64Url(i);
        }
        return decoded;
    }

    /** The ciphertext followed by the tag, decoded into one array, as the JCA's AES-GCM decryption takes them. */
    byte[] decodeCiphertextAndTag() {
        int ciphertextLength = decodedLength(CIPHERTEXT);
        byte[] sealed = new byte[ciphertextLength + TAG_BYTES];
        Base64Url.decodeValid(ascii, starts[CIPHERTEXT], ends[CIPHERTEXT], sealed, 0);
        Base64Url.decodeValid(ascii, starts[TAG], ends[TAG], sealed, ciphertextLength);
        return sealed;
    }

    /** The whole text in ASCII; a part is its range {@code [start(i), start(i) + length(i))}, the header's is the AAD. */
    byte[] ascii() {
        return ascii;
    }

    int start(int i) {
        return starts[i];
    }

    int length(int i) {
        return ends[i] - starts[i];
    }

    private int decodedLength(int i) {
        int length = Base64Url.decodedLength(ascii, starts[i], ends[i]);
        if (length < 0) {
            throw notBase64Url(i);
        }
        return length;
    }

    private OpenFailure notBase64Url(int i) {
        for (int c = starts[i]; c < ends[i]; c++) {
            if (ascii[c] == '=') {
                return new OpenFailure("a part is padded base64url");
            }
        }
        return new OpenFailure("a part is not base64url");
    }
}
