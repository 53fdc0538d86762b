/**
 * Envelopes of the TSP, COF and PAT specs: CMS card info ({@code io.tokensdk.crypto.cms}), JWE token credentials, signed
 * JWE and the PAT account number ({@code io.tokensdk.crypto.jwe}), RAW symmetric payment credentials and KCV
 * ({@code io.tokensdk.crypto.raw}), typed payloads ({@code io.tokensdk.crypto.payload}) and key loading
 * ({@code io.tokensdk.crypto.keys}).
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every failure to open an envelope throws {@link io.tokensdk.crypto.EnvelopeOpenException} with one fixed message
 *       and no cause, whatever went wrong (tampering, wrong key, bad padding, bad tag, algorithm not allowed, and for
 *       the typed opens a plaintext that is not the expected payload); the reason goes only to the opener's
 *       {@link io.tokensdk.crypto.OpenFailureListener}.</li>
 *   <li>Payloads are validated strictly before sealing and after opening (field formats, the Luhn check of every PAN);
 *       building an invalid payload throws {@link io.tokensdk.crypto.InvalidPayloadException}, which names the field
 *       but never its value.</li>
 *   <li>No security provider is ever added to the JVM's provider list. Each primitive runs where it is fastest: RSA and
 *       AES on the JDK (SunJCE / SunRsaSign, with explicit OAEP parameters), ECDH, ES256, CCM, CMAC and ISO 7816-4
 *       padding on a private {@code BouncyCastleProvider} instance passed explicitly to each call.</li>
 *   <li>Sealers and openers are immutable, thread-safe and reusable.</li>
 * </ul>
 */
package io.tokensdk.crypto;
