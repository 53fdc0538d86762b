/**
 * Envelopes of the TSP, COF and PAT specs: CMS card info ({@code io.tokensdk.crypto.cms}), JWE token credentials, signed
 * JWE and the PAT account number ({@code io.tokensdk.crypto.jwe}), RAW symmetric payment credentials and KCV
 * ({@code io.tokensdk.crypto.raw}), typed payloads ({@code io.tokensdk.crypto.payload}) and key loading
 * ({@code io.tokensdk.crypto.keys}).
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every failure to open an envelope throws {@link io.tokensdk.crypto.EnvelopeOpenException} with one fixed message
 *       and no cause, whatever went wrong (tampering, wrong key, bad padding, bad tag, algorithm not allowed).</li>
 *   <li>Payloads are validated before sealing and after opening; violations throw
 *       {@link io.tokensdk.crypto.InvalidPayloadException}, which names the field but never its value.</li>
 *   <li>No security provider is ever added to the JVM's provider list. BouncyCastle is used through a private
 *       {@code BouncyCastleProvider} instance passed explicitly to each JCA call.</li>
 *   <li>Sealers and openers are immutable, thread-safe and reusable.</li>
 * </ul>
 */
package io.tokensdk.crypto;
