package io.tokensdk.client;

import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.KeyLoadException;
import io.tokensdk.crypto.keys.KeyPairs;
import io.tokensdk.crypto.keys.PrivateKeyLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the SSL context of a client from a client certificate (mutual TLS) and custom trust. PEM files are read by
 * sdk-crypto's loaders, the same ones the envelopes use, so every key format they read works here too.
 */
final class TlsMaterial {
  private static final char[] EPHEMERAL_PASSWORD = "tokensdk".toCharArray();

  private TlsMaterial() {}

  /** A key store holding the chain and its key; {@code keyPassword} is null for an unencrypted key. */
  static KeyStore keyStoreFromPem(Path certificateChainPem, Path privateKeyPem, char[] keyPassword) {
    Objects.requireNonNull(certificateChainPem, "certificateChainPem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
    List<X509Certificate> chain = loaded(() -> CertificateLoader.loadAll(certificateChainPem),
        "client certificate " + certificateChainPem.getFileName());
    PrivateKey key = loaded(() -> keyPassword == null ? PrivateKeyLoader.load(privateKeyPem)
        : PrivateKeyLoader.load(privateKeyPem, keyPassword), "client key " + privateKeyPem.getFileName());
    if (!KeyPairs.matches(chain.get(0).getPublicKey(), key)) {
      throw new IllegalArgumentException("the client key " + privateKeyPem.getFileName()
          + " does not belong to the first certificate of " + certificateChainPem.getFileName());
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("client", key, EPHEMERAL_PASSWORD, chain.toArray(new Certificate[0]));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot hold the client certificate and key: " + e.getClass().getSimpleName());
    }
  }

  static char[] pemKeyStorePassword() {
    return EPHEMERAL_PASSWORD.clone();
  }

  /** Every certificate of a PEM file ({@code CERTIFICATE} or {@code TRUSTED CERTIFICATE}), or of a DER file. */
  static List<X509Certificate> certificates(Path pem) {
    Objects.requireNonNull(pem, "pem");
    return loaded(() -> CertificateLoader.loadAll(pem), "certificates " + pem.getFileName());
  }

  private static <T> T loaded(Supplier<T> loader, String what) {
    try {
      return loader.get();
    } catch (KeyLoadException e) {
      // The loaders' messages name the problem and never hold key material.
      throw new IllegalArgumentException("cannot load the " + what + ": " + e.getMessage());
    }
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
