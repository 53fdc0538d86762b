package io.tokensdk.crypto.jwe;

import java.util.Arrays;

/**
 * Strict unpadded base64url (RFC 7515, section 2) over ranges of ASCII bytes, decoding straight into the caller's
 * array. Only the canonical encoding is accepted: no padding, no other character, no length of 1 modulo 4 and no
 * non-zero bits left over in the last character (the JDK's decoder accepts those, so one value would have several
 * encodings).
 */
final class Base64Url {
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** The decoded length of {@code src[from, to)}, or -1 if it is not canonical unpadded base64url. */
    static int decodedLength(byte[] src, int from, int to) {
        int chars = to - from;
        if (chars % 4 == 1) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (value(src[i]) < 0) {
                return -1;
            }
        }
        int leftover = chars % 4;
        if (leftover != 0) {
            // 2 characters carry 1 byte and 4 spare bits, 3 carry 2 bytes and 2 spare bits: they must be zero.
            int spareMask = leftover == 2 ? 0x0f : 0x03;
            if ((value(src[to - 1]) & spareMask) != 0) {
                return -1;
            }
        }
        return chars / 4 * 3 + (leftover == 0 ? 0 : leftover - 1);
    }

    /** Decodes {@code src[from, to)}, or returns null if it is not canonical unpadded base64url. */
    static byte[] decode(byte[] src, int from, int to) {
        int length = decodedLength(src, from, to);
        if (length < 0) {
            return null;
        }
        byte[] out = new byte[length];
        decodeValid(src, from, to, out, 0);
        return out;
    }

    /** Decodes a range that {@link #decodedLength} accepted into {@code dst} at {@code offset}. */
    static void decodeValid(byte[] src, int from, int to, byte[] dst, int offset) {
        int in = from;
        int out = offset;
        int whole = to - (to - from) % 4;
        while (in < whole) {
            int bits = value(src[in]) << 18 | value(src[in + 1]) << 12 | value(src[in + 2]) << 6 | value(src[in + 3]);
            dst[out] = (byte) (bits >> 16);
            dst[out + 1] = (byte) (bits >> 8);
            dst[out + 2] = (byte) bits;
            in += 4;
            out += 3;
        }
        int leftover = to - whole;
        if (leftover >= 2) {
            int bits = value(src[in]) << 18 | value(src[in + 1]) << 12 | (leftover == 3 ? value(src[in + 2]) << 6 : 0);
            dst[out] = (byte) (bits >> 16);
            if (leftover == 3) {
                dst[out + 1] = (byte) (bits >> 8);
            }
        }
    }

    private static int value(byte c) {
        return c < 0 ? -1 : VALUES[c];
    }
}
