/**
 * Loaders for certificates, private and public keys, PKCS#12 keystores and JWKs. Each takes a {@link java.nio.file.Path}
 * (opened and closed by the loader) or an {@link java.io.InputStream} (read to the end, left open: the caller owns
 * it). A bad file throws {@link io.tokensdk.crypto.keys.KeyLoadException} whose message names the problem and never
 * contains key material.
 *
 * <pre>{@code
 * X509Certificate cert = CertificateLoader.load(Path.of("tsp.crt"));            // PEM or DER
 * PrivateKey key = PrivateKeyLoader.load(Path.of("tsp.key"));                   // PKCS#8, PKCS#1 or SEC1 PEM
 * PrivateKey key = PrivateKeyLoader.load(Path.of("tsp.key"), password);         // encrypted PKCS#8 PEM
 * KeyAndCertificate id = Pkcs12Loader.load(Path.of("tsp.p12"), "tsp", password);
 * JWKSet keys = JwkLoader.loadSet(Path.of("keys.jwks.json"));
 * }</pre>
 */
package io.tokensdk.crypto.keys;
