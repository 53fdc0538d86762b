package io.tokensdk.crypto.raw;

/** The {@code mode} of {@code rawEncParams}. GCM and CCM need AES (a 128-bit block cipher). */
public enum RawMode {
    /** Electronic codebook: no IV. */
    ECB,
    /** Cipher block chaining: IV in {@code iv}. */
    CBC,
    /** Counter with CBC-MAC: nonce in {@code aeadNonce}, tag in {@code aeadMac}. */
    CCM,
    /** Galois/counter mode: nonce in {@code aeadNonce}, tag in {@code aeadMac}. */
    GCM;

    /** @return true for the AEAD modes GCM and CCM */
    public boolean isAead() {
        return this == GCM || this == CCM;
    }
}
