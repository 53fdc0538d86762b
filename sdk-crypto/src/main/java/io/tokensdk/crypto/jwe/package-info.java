/**
 * JWE envelopes (compact serialization) with whitelisted algorithms and {@code kid}-based key selection.
 *
 * <pre>{@code
 * // tokenInfo.encryptedData (createToken) and encryptedData (getTokenCredentials): ECDH-ES + A256GCM, P-256
 * String encryptedData = JweSealer.ecdhEs(tshPublicJwk).seal(TokenData.of(dpan, exp));
 * TokenCredentials creds = JweOpener.ecdhEs(tshPrivateJwks).open(encryptedData, TokenCredentials.TYPE);
 *
 * // encPaymentCredData with encType JWE: an ES256 JWS inside an ECDH-ES/A256GCM JWE with cty JWT
 * String encData = SignedJweSealer.of(tspSigningJwk, walletPublicJwk).seal(credentialBytes);
 * byte[] credentialBytes = SignedJweOpener.of(walletPrivateJwks, trustedTspJwks).open(encData);
 *
 * // Visa PAT real account number: RSA-OAEP-256 + A256GCM
 * AccountNumber pan = JweOpener.rsaOaep256(bankPrivateJwks).open(encryptedAccount, AccountNumber.TYPE);
 * }</pre>
 *
 * <p>Before anything is decrypted the header is checked: exactly the profile's {@code alg} and {@code enc}, no
 * {@code zip}, the expected {@code cty}, and a {@code kid} present in the key set; an ECDH-ES header is read by a
 * strict parser that accepts only the members of its profile, each once, and a P-256 ephemeral key on the curve. Any
 * failure throws {@link io.tokensdk.crypto.EnvelopeOpenException}.
 */
package io.tokensdk.crypto.jwe;
