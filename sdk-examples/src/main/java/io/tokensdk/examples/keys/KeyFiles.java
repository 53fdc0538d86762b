package io.tokensdk.examples.keys;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The files that {@code serve} writes for its peers and that {@code demo --keys-dir} reads back. The names are fixed so
 * that a peer's own material can be dropped into a directory in the same layout.
 */
public final class KeyFiles {
  /** The CA that signed the servers' and the client's TLS certificates (PEM). */
  public static final String TLS_CA = "tls-ca.pem";
  /** The client certificate for mutual TLS (PEM). */
  public static final String TLS_CLIENT_CERT = "tls-client.pem";
  /** The client's unencrypted PKCS#8 key (PEM). */
  public static final String TLS_CLIENT_KEY = "tls-client.key";
  /** The TSP's card-info certificate: seal {@code cipheredCardInfo} to it (PEM). */
  public static final String CARD_INFO_CERT = "card-info-cert.pem";
  /** The token requestor's private EC JWK set: opens {@code encryptedData} and JWE payment credentials. */
  public static final String REQUESTOR_JWKS = "requestor.jwks.json";
  /** The TSP's public signing JWK set: verifies JWE payment credentials. */
  public static final String TSP_SIGNER_JWKS = "tsp-signer.public.jwks.json";
  /** The bank's public RSA JWK: seal PAT {@code encryptedRealAccountNumber} to it. */
  public static final String BANK_PUBLIC_JWK = "bank.public.jwk.json";
  /** The COF API key. */
  public static final String COF_API_KEY = "cof-api-key.txt";

  private KeyFiles() {
  }

  /** Writes what a peer needs to talk to the sample servers into {@code dir}; private files are owner-only. */
  public static void write(DemoKeys keys, Path dir) {
    try {
      Files.createDirectories(dir);
      put(dir, TLS_CA, keys.tlsCa().certificatePem(), false);
      put(dir, TLS_CLIENT_CERT, keys.tlsClient().certificatePem(), false);
      put(dir, TLS_CLIENT_KEY, keys.tlsClient().privateKeyPkcs8Pem(), true);
      put(dir, CARD_INFO_CERT, keys.cardInfo().certificatePem(), false);
      put(dir, REQUESTOR_JWKS, new JWKSet(keys.requestor()).toString(false), true);
      put(dir, TSP_SIGNER_JWKS, new JWKSet(keys.tspSigner().toPublicJWK()).toString(), false);
      put(dir, BANK_PUBLIC_JWK, keys.bank().toPublicJWK().toJSONString(), false);
      put(dir, COF_API_KEY, keys.apiKey(), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the key files to " + dir, e);
    }
  }

  private static void put(Path dir, String name, String content, boolean secret) throws IOException {
    Path file = dir.resolve(name);
    Files.deleteIfExists(file);
    if (secret && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
