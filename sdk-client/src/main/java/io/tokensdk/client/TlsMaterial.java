package io.tokensdk.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the SSL context of a client from a client certificate (mutual TLS) and custom trust, using the JDK only. */
final class TlsMaterial {
  private static final Pattern PEM_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  private static final char[] EPHEMERAL_PASSWORD = "tokensdk".toCharArray();

  private TlsMaterial() {}

  static KeyStore keyStoreFromPem(Path certificateChainPem, Path pkcs8KeyPem) {
    try {
      List<X509Certificate> chain = certificates(certificateChainPem);
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + certificateChainPem.getFileName());
      }
      PrivateKey key = privateKey(pkcs8KeyPem, chain.get(0).getPublicKey().getAlgorithm());
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, EPHEMERAL_PASSWORD, chain.toArray(new Certificate[0]));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot load the client certificate or key: " + e.getClass().getSimpleName());
    }
  }

  static char[] pemKeyStorePassword() {
    return EPHEMERAL_PASSWORD.clone();
  }

  static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate certificate : all) {
        out.add((X509Certificate) certificate);
      }
      return out;
    }
  }

  private static PrivateKey privateKey(Path pem, String algorithm) throws IOException, GeneralSecurityException {
    Matcher matcher = PEM_KEY.matcher(Files.readString(pem, StandardCharsets.US_ASCII));
    if (!matcher.find()) {
      throw new IllegalArgumentException(pem.getFileName() + " holds no unencrypted PKCS#8 'PRIVATE KEY' block");
    }
    byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  static X509TrustManager trustManager(KeyStore trustStore) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509TrustManager available");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build the trust manager: " + e.getClass().getSimpleName(), e);
    }
  }

  static KeyStore trustStore(Collection<X509Certificate> certificates) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate certificate : certificates) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build the trust store: " + e.getClass().getSimpleName(), e);
    }
  }

  static SSLContext sslContext(KeyStore clientKeys, char[] password, X509TrustManager trust) {
    try {
      KeyManagerFactory keys = null;
      if (clientKeys != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(clientKeys, password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build the TLS context: " + e.getClass().getSimpleName(), e);
    }
  }
}
