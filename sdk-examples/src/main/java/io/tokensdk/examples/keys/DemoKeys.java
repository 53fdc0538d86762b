package io.tokensdk.examples.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.tokensdk.testing.tsp.TspKeys;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Throwaway keys for one run of the demo or of {@code serve}, generated in memory at start: a TLS CA with a server and
 * a client certificate (mutual TLS), the TSP's RSA card-info certificate, the token requestor's EC key, the TSP's EC
 * signing key, the bank's RSA key, a KEK and a COF API key. Never real keys; nothing here is persisted unless
 * {@link KeyFiles#write} is called.
 *
 * @param tlsCa the CA of both TLS certificates
 * @param tlsServer the servers' certificate (localhost, 127.0.0.1)
 * @param tlsClient the clients' certificate
 * @param cardInfo the TSP's RSA 2048 certificate and key for CMS card info
 * @param requestor the token requestor's private EC P-256 JWK (opens token credentials)
 * @param tspSigner the TSP's private EC P-256 JWK (signs JWE payment credentials)
 * @param bank the bank's private RSA JWK (opens PAT account numbers)
 * @param kek the AES-256 key encryption key of RAW payment credentials
 * @param apiKey the COF API key
 */
public record DemoKeys(HeldCertificate tlsCa, HeldCertificate tlsServer, HeldCertificate tlsClient,
    HeldCertificate cardInfo, ECKey requestor, ECKey tspSigner, RSAKey bank, SecretKey kek, String apiKey) {
  /** The label of the demo KEK. */
  public static final String KEK_LABEL = "DEMO-KEK-1";
  /** How long the generated TLS certificates are valid: long enough for a {@code serve} that runs for weeks. */
  public static final Duration TLS_VALIDITY = Duration.ofDays(90);
  private static final char[] KEYSTORE_PASSWORD = "throwaway".toCharArray();

  /** Fresh keys. */
  public static DemoKeys generate() {
    // valid from an hour ago, so that a peer whose clock is a little behind accepts them
    long notBefore = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
    long notAfter = notBefore + TLS_VALIDITY.toMillis();
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("tokensdk demo CA")
        .validityInterval(notBefore, notAfter).build();
    HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).commonName("tokensdk demo server")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
        .validityInterval(notBefore, notAfter).build();
    HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).commonName("tokensdk demo client")
        .validityInterval(notBefore, notAfter).build();
    // as long-lived as the TLS certificates: sealers refuse an expired card-info certificate
    HeldCertificate cardInfo = new HeldCertificate.Builder().rsa2048().commonName("tokensdk demo TSP card info")
        .validityInterval(notBefore, notAfter).build();
    try {
      KeyGenerator aes = KeyGenerator.getInstance("AES");
      aes.init(256);
      byte[] apiKey = new byte[24];
      new SecureRandom().nextBytes(apiKey);
      return new DemoKeys(ca, server, client, cardInfo,
          new ECKeyGenerator(Curve.P_256).keyID("demo-requestor-1").generate(),
          new ECKeyGenerator(Curve.P_256).keyID("demo-tsp-signer-1").generate(),
          new RSAKeyGenerator(2048).keyID("demo-bank-1").generate(),
          aes.generateKey(), Base64.getUrlEncoder().withoutPadding().encodeToString(apiKey));
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot generate demo keys", e);
    }
  }

  /** The keys the sample TSP holds. */
  public TspKeys tspKeys() {
    return new TspKeys(cardInfo.keyPair().getPrivate(), cardInfo.certificate(), requestor.toPublicJWK(), tspSigner,
        kek, KEK_LABEL);
  }

  /** The servers' TLS context: the server certificate, and the CA trusted for client certificates. */
  public SSLContext serverSslContext() {
    return new HandshakeCertificates.Builder().heldCertificate(tlsServer, tlsCa.certificate())
        .addTrustedCertificate(tlsCa.certificate()).build().sslContext();
  }

  /** The client certificate and key as an in-memory PKCS#12 key store, for {@code ClientConfig.clientCertificate}. */
  public KeyStore clientKeyStore() {
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

  /** The password of {@link #clientKeyStore()}. */
  public char[] clientKeyStorePassword() {
    return KEYSTORE_PASSWORD.clone();
  }

  @Override
  public String toString() {
    return "DemoKeys{throwaway, redacted}";
  }
}
