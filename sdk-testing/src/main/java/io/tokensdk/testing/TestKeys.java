package io.tokensdk.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.testing.tsp.TspKeys;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Throwaway key material for tests, generated fresh and held in memory only: a TLS CA with a server certificate for
 * {@code localhost} and a client certificate, the TSP's RSA card-info certificate, the token requestor's EC key, the
 * TSP's EC signing key, the bank's RSA key, an AES KEK and a COF API key. Never use it outside tests.
 */
public final class TestKeys {
  /** The label of {@link #kek()} in a set made by {@link #generate()}. */
  public static final String KEK_LABEL = "TEST-KEK-1";
  private static final char[] KEYSTORE_PASSWORD = "throwaway".toCharArray();

  private final HeldCertificate tlsCa;
  private final HeldCertificate tlsServer;
  private final HeldCertificate tlsClient;
  private final HeldCertificate cardInfo;
  private final ECKey requestor;
  private final ECKey tspSigner;
  private final RSAKey bank;
  private final SecretKey kek;
  private final String apiKey;
  private final String kekLabel;

  private TestKeys(String name, Duration validity) throws GeneralSecurityException, JOSEException {
    // valid from an hour ago, so that a peer whose clock is a little behind accepts them
    long notBefore = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
    long notAfter = notBefore + validity.toMillis();
    tlsCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("tokensdk " + name + " CA")
        .validityInterval(notBefore, notAfter).build();
    tlsServer = new HeldCertificate.Builder().signedBy(tlsCa).commonName("tokensdk " + name + " server")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
        .validityInterval(notBefore, notAfter).build();
    tlsClient = new HeldCertificate.Builder().signedBy(tlsCa).commonName("tokensdk " + name + " client")
        .validityInterval(notBefore, notAfter).build();
    // as long-lived as the TLS certificates: sealers refuse an expired card-info certificate
    cardInfo = new HeldCertificate.Builder().rsa2048().commonName("tokensdk " + name + " TSP card info")
        .validityInterval(notBefore, notAfter).build();
    requestor = new ECKeyGenerator(Curve.P_256).keyID(name + "-requestor-1").generate();
    tspSigner = new ECKeyGenerator(Curve.P_256).keyID(name + "-tsp-signer-1").generate();
    bank = new RSAKeyGenerator(2048).keyID(name + "-bank-1").generate();
    kekLabel = name.toUpperCase(java.util.Locale.ROOT) + "-KEK-1";
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    kek = aes.generateKey();
    byte[] key = new byte[24];
    new SecureRandom().nextBytes(key);
    apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /**
   * Generates a fresh set (a second or so: RSA keys).
   *
   * @return new keys
   */
  public static TestKeys generate() {
    return generate("test", Duration.ofDays(30));
  }

  /**
   * Generates a fresh set whose certificates, key ids and KEK label carry {@code name} (for example {@code demo}), with
   * certificates valid for {@code validity}.
   *
   * @param name lower-case letters, put in common names ({@code tokensdk <name> CA}), key ids and the KEK label
   * @param validity how long the certificates are valid, from an hour ago
   * @return new keys
   */
  public static TestKeys generate(String name, Duration validity) {
    if (name == null || !name.matches("[a-z]+")) {
      throw new IllegalArgumentException("name must be lower-case letters");
    }
    if (validity == null || validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive");
    }
    try {
      return new TestKeys(name, validity);
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate test keys", e);
    }
  }

  /** @return the label of {@link #kek()}: {@value #KEK_LABEL} for {@link #generate()} */
  public String kekLabel() {
    return kekLabel;
  }

  /** @return the CA that signed the server and client TLS certificates */
  public HeldCertificate tlsCa() {
    return tlsCa;
  }

  /** @return the servers' TLS certificate, valid for {@code localhost} and {@code 127.0.0.1} */
  public HeldCertificate tlsServer() {
    return tlsServer;
  }

  /** @return the client certificate for mutual TLS */
  public HeldCertificate tlsClient() {
    return tlsClient;
  }

  /** @return the TSP's card-info certificate and RSA key: {@code cipheredCardInfo} is sealed to it */
  public HeldCertificate cardInfo() {
    return cardInfo;
  }

  /** @return the token requestor's private EC P-256 JWK: {@code encryptedData} is sealed to its public half */
  public ECKey requestor() {
    return requestor;
  }

  /** @return the requestor's private key as a set, what {@code JweOpener.ecdhEs} takes */
  public JWKSet requestorKeys() {
    return new JWKSet(requestor);
  }

  /** @return the TSP's private EC P-256 JWK that signs JWE payment credentials */
  public ECKey tspSigner() {
    return tspSigner;
  }

  /** @return the bank's private RSA JWK: PAT {@code encryptedRealAccountNumber} is sealed to its public half */
  public RSAKey bank() {
    return bank;
  }

  /** @return the bank's private key as a set, what {@code JweOpener.rsaOaep256} takes */
  public JWKSet bankKeys() {
    return new JWKSet(bank);
  }

  /** @return the AES-256 key encryption key of RAW payment credentials */
  public SecretKey kek() {
    return kek;
  }

  /** @return the COF API key */
  public String apiKey() {
    return apiKey;
  }

  /** @return the keys the sample TSP holds */
  public TspKeys tspKeys() {
    return new TspKeys(cardInfo.keyPair().getPrivate(), cardInfo.certificate(), requestor.toPublicJWK(), tspSigner,
        kek, kekLabel);
  }

  /** @return the servers' TLS context: the server certificate, and the CA trusted for client certificates */
  public SSLContext serverSslContext() {
    return new HandshakeCertificates.Builder().heldCertificate(tlsServer, tlsCa.certificate())
        .addTrustedCertificate(tlsCa.certificate()).build().sslContext();
  }

  /**
   * A client configuration for {@code baseUrl} that presents the client certificate and trusts only the test CA.
   *
   * @param baseUrl the API's base URL, base path included
   * @return a builder, to add options or build
   */
  public ClientConfig.Builder clientConfig(String baseUrl) {
    return ClientConfig.builder(baseUrl).clientCertificate(clientKeyStore(), KEYSTORE_PASSWORD.clone())
        .trustedCertificates(List.of(tlsCa.certificate()));
  }

  KeyStore clientKeyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", tlsClient.keyPair().getPrivate(), KEYSTORE_PASSWORD,
          new X509Certificate[] {tlsClient.certificate(), tlsCa.certificate()});
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build the client key store", e);
    }
  }

  char[] clientKeyStorePassword() {
    return KEYSTORE_PASSWORD.clone();
  }

  @Override
  public String toString() {
    return "TestKeys{throwaway, redacted}";
  }
}
