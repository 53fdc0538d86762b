package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JWEHeader;

/** Decrypts a compact JWE whose parts and header have been checked, with one recipient key. Thread-safe. */
interface JweDecryption {
    /**
     * Decrypts.
     *
     * @param header the parsed protected header, accepted by the opener's profile
     * @param parts the five base64url parts, as sent
     * @return the plaintext
     * @throws io.tokensdk.crypto.internal.OpenFailure if decryption fails
     */
    byte[] decrypt(JWEHeader header, String[] parts);
}
