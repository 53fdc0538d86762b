package io.tokensdk.crypto.jwe;

import io.tokensdk.crypto.internal.OpenFailure;
import java.util.Base64;

/**
 * The checks of a compact JWE's parts that RFC 7516/7518 demand and nimbus does not make: nimbus accepts an IV of
 * any length and a tag shorter than the enc's (tag bytes moved into the ciphertext).
 */
final class CompactJwe {
    /** A256GCM: a 96-bit IV and a 128-bit tag (RFC 7518, section 5.3). */
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;

    private CompactJwe() {
    }

    /** The five parts, once they pass. */
    static String[] requireStrictParts(String compact, int maxLength, boolean directKeyAgreement) {
        if (compact == null) {
            throw new OpenFailure("no JWE");
        }
        if (compact.length() > maxLength) {
            throw new OpenFailure("longer than " + maxLength + " characters");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 5) {
            throw new OpenFailure("not a compact JWE of five parts");
        }
        if (directKeyAgreement && !parts[1].isEmpty()) {
            throw new OpenFailure("an encrypted key with direct key agreement");
        }
        if (decodedLength(parts[2]) != IV_BYTES) {
            throw new OpenFailure("the IV is not 96 bits");
        }
        if (decodedLength(parts[4]) != TAG_BYTES) {
            throw new OpenFailure("the authentication tag is not 128 bits");
        }
        return parts;
    }

    private static int decodedLength(String part) {
        if (part.indexOf('=') >= 0) {
            throw new OpenFailure("a part is padded base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(part).length;
        } catch (IllegalArgumentException e) {
            throw new OpenFailure("a part is not base64url");
        }
    }
}
