package io.tokensdk.crypto.raw;

import java.security.MessageDigest;
import java.util.Arrays;

/** The {@code algo} of {@code rawEncParams}. */
public enum RawAlgorithm {
    /** AES with a 128-, 192- or 256-bit key. */
    AES("AES", 16),
    /** Triple DES (EDE) with a 2-key (16-byte) or 3-key (24-byte) key. */
    TRIPLE_DES("3DES", 8);

    private final String wireName;
    private final int blockSize;

    RawAlgorithm(String wireName, int blockSize) {
        this.wireName = wireName;
        this.blockSize = blockSize;
    }

    /** @return the spec's enum value, {@code "AES"} or {@code "3DES"} */
    public String wireName() {
        return wireName;
    }

    /** @return the cipher block size in bytes */
    public int blockSize() {
        return blockSize;
    }

    /**
     * Parses the spec's enum value.
     *
     * @param wireName {@code "AES"} or {@code "3DES"}
     * @return the algorithm
     * @throws IllegalArgumentException for any other value
     */
    public static RawAlgorithm fromWireName(String wireName) {
        for (RawAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(wireName)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown rawEncParams algo: expected AES or 3DES");
    }

    /** Checks a key length and returns the key bytes the JCA cipher needs (2-key 3DES is expanded to K1K2K1). */
    byte[] jcaKey(byte[] key) {
        if (this == AES) {
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalArgumentException("an AES key must be 16, 24 or 32 bytes, got " + key.length);
            }
            return key.clone();
        }
        if (key.length == 24) {
            return key.clone();
        }
        if (key.length == 16) {
            byte[] expanded = new byte[24];
            System.arraycopy(key, 0, expanded, 0, 16);
            System.arraycopy(key, 0, expanded, 16, 8);
            return expanded;
        }
        throw new IllegalArgumentException("a 3DES key must be 16 (2-key) or 24 (3-key) bytes, got " + key.length);
    }

    /**
     * Refuses a 3DES key whose first two parts are equal (K1 = K2; for 3-key, also K2 = K3): EDE then collapses to
     * single DES, 56 bits of strength.
     */
    void requireFullStrength(byte[] key) {
        if (this != TRIPLE_DES || key.length < 16) {
            return;
        }
        boolean degenerate = MessageDigest.isEqual(Arrays.copyOfRange(key, 0, 8), Arrays.copyOfRange(key, 8, 16))
                || key.length == 24 && MessageDigest.isEqual(Arrays.copyOfRange(key, 8, 16),
                        Arrays.copyOfRange(key, 16, 24));
        if (degenerate) {
            throw new IllegalArgumentException("a 3DES key with two equal parts has single-DES strength");
        }
    }

    String jcaName() {
        return this == AES ? "AES" : "DESede";
    }
}
