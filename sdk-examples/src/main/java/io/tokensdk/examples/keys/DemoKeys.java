package io.tokensdk.examples.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokensdk.testing.TestKeys;
import io.tokensdk.testing.tsp.TspKeys;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HeldCertificate;

/**
 * Throwaway keys for one run of the demo or of {@code serve}, generated in memory at start: a TLS CA with a server and
 * a client certificate (mutual TLS), the TSP's RSA card-info certificate, the token requestor's EC key, the TSP's EC
 * signing key, the bank's RSA key, a KEK and a COF API key. Never real keys; nothing here is persisted unless
 * {@link KeyFiles#write} is called.
 * <p>The keys are sdk-testing's {@link TestKeys}, named {@code demo} and valid for {@link #TLS_VALIDITY}.
 */
public final class DemoKeys {
  /** The label of the demo KEK. */
  public static final String KEK_LABEL = "DEMO-KEK-1";
  /** How long the generated TLS certificates are valid: long enough for a {@code serve} that runs for weeks. */
  public static final Duration TLS_VALIDITY = Duration.ofDays(90);
  private static final char[] KEYSTORE_PASSWORD = "throwaway".toCharArray();

  private final TestKeys keys;

  private DemoKeys(TestKeys keys) {
    this.keys = keys;
  }

  /** Fresh keys. */
  public static DemoKeys generate() {
    return new DemoKeys(TestKeys.generate("demo", TLS_VALIDITY));
  }

  /** The CA of both TLS certificates. */
  public HeldCertificate tlsCa() {
    return keys.tlsCa();
  }

  /** The servers' certificate (localhost, 127.0.0.1). */
  public HeldCertificate tlsServer() {
    return keys.tlsServer();
  }

  /** The clients' certificate. */
  public HeldCertificate tlsClient() {
    return keys.tlsClient();
  }

  /** The TSP's RSA 2048 certificate and key for CMS card info. */
  public HeldCertificate cardInfo() {
    return keys.cardInfo();
  }

  /** The token requestor's private EC P-256 JWK (opens token credentials). */
  public ECKey requestor() {
    return keys.requestor();
  }

  /** The TSP's private EC P-256 JWK (signs JWE payment credentials). */
  public ECKey tspSigner() {
    return keys.tspSigner();
  }

  /** The bank's private RSA JWK (opens PAT account numbers). */
  public RSAKey bank() {
    return keys.bank();
  }

  /** The AES-256 key encryption key of RAW payment credentials, labelled {@value #KEK_LABEL}. */
  public SecretKey kek() {
    return keys.kek();
  }

  /** The COF API key. */
  public String apiKey() {
    return keys.apiKey();
  }

  /** The keys the sample TSP holds. */
  public TspKeys tspKeys() {
    return keys.tspKeys();
  }

  /** The servers' TLS context: the server certificate, and the CA trusted for client certificates. */
  public SSLContext serverSslContext() {
    return keys.serverSslContext();
  }

  /** The client certificate and key as an in-memory PKCS#12 key store, for {@code ClientConfig.clientCertificate}. */
  public KeyStore clientKeyStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", tlsClient().keyPair().getPrivate(), KEYSTORE_PASSWORD,
          new X509Certificate[] {tlsClient().certificate(), tlsCa().certificate()});
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
