package io.tokensdk.server.jetty;

import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.PrivateKeyLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The server's TLS: TLS 1.3 and 1.2 only, with forward-secret AEAD suites only (AES-GCM and ChaCha20-Poly1305; no CBC,
 * no SHA-1 MAC, no static RSA), no renegotiation. A refused peer gets a TLS alert from the JDK's engine (e.g.
 * {@code protocol_version}, {@code handshake_failure}, {@code certificate_required}, {@code bad_certificate}).
 */
final class ServerTls {
  /** The protocols offered. */
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  /** The suites offered, as Jetty's include patterns: the TLS 1.3 suites and the ECDHE AEAD suites of TLS 1.2. */
  static final String[] CIPHER_SUITES = {
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_(ECDSA|RSA)_WITH_AES_(128|256)_GCM_SHA(256|384)",
      "TLS_ECDHE_(ECDSA|RSA)_WITH_CHACHA20_POLY1305_SHA256"};

  private ServerTls() {
  }

  /** A Jetty TLS factory over {@code context}, restricted as described above. */
  static SslContextFactory.Server factory(SSLContext context, ClientAuth clientAuth) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(context);
    factory.setIncludeProtocols(PROTOCOLS);
    factory.setIncludeCipherSuites(CIPHER_SUITES);
    factory.setRenegotiationAllowed(false);
    factory.setNeedClientAuth(clientAuth == ClientAuth.REQUIRED);
    factory.setWantClientAuth(clientAuth == ClientAuth.WANTED);
    return factory;
  }

  /**
   * An SSL context from PEM files: the server's certificate chain (leaf first), its private key (PKCS#8, or PKCS#1 /
   * SEC1 as the key loader reads them) and, when not null, the CA certificates trusted for client certificates.
   *
   * @throws io.tokensdk.crypto.keys.KeyLoadException when a file cannot be read as what it should hold
   */
  static SSLContext fromPem(Path certChain, Path key, Path clientCa) {
    List<X509Certificate> chain = CertificateLoader.loadAll(certChain);
    PrivateKey privateKey = PrivateKeyLoader.load(key);
    try {
      char[] password = new char[0];
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", privateKey, password, chain.toArray(new X509Certificate[0]));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password);
      TrustManagerFactory trustManagers = null;
      if (clientCa != null) {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (X509Certificate ca : CertificateLoader.loadAll(clientCa)) {
          trusted.setCertificateEntry("client-ca-" + i++, ca);
        }
        trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers == null ? null : trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot build the server's TLS context from " + certChain.getFileName()
          + " and " + key.getFileName() + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
