package io.tokensdk.crypto.raw;

import java.util.Arrays;

/** ISO/IEC 7816-4 padding (0x80 then zeros, at least one byte, up to the block boundary). */
final class Iso7816Padding {
    private Iso7816Padding() {
    }

    static byte[] pad(byte[] data, int blockSize) {
        int paddedLength = (data.length / blockSize + 1) * blockSize;
        byte[] padded = Arrays.copyOf(data, paddedLength);
        padded[data.length] = (byte) 0x80;
        return padded;
    }

    /**
     * Removes the padding.
     *
     * @throws IllegalArgumentException if the padding is malformed (the caller turns this into the generic error)
     */
    static byte[] unpad(byte[] padded, int blockSize) {
        if (padded.length == 0 || padded.length % blockSize != 0) {
            throw new IllegalArgumentException("bad padding");
        }
        int index = padded.length - 1;
        int limit = padded.length - blockSize;
        while (index > limit && padded[index] == 0) {
            index--;
        }
        if (padded[index] != (byte) 0x80) {
            throw new IllegalArgumentException("bad padding");
        }
        return Arrays.copyOf(padded, index);
    }
}
