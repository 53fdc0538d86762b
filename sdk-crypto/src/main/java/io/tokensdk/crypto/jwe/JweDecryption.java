package io.tokensdk.crypto.jwe;

/** Decrypts a compact JWE whose parts and header have been checked, with one recipient key. Thread-safe. */
interface JweDecryption {
    /**
     * Decrypts.
     *
     * @param header the protected header, accepted by the opener's profile
     * @param jwe the five parts, as sent
     * @return the plaintext
     * @throws io.tokensdk.crypto.internal.OpenFailure if decryption fails
     */
    byte[] decrypt(JweHeader header, CompactJwe jwe);
}
