package io.tokensdk.examples.readme;

import io.tokensdk.crypto.keys.PrivateKeyLoader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A server's SSLContext from PEM files: its certificate chain and key, and the CA its clients must chain to. */
public final class ServerTls {
  public static SSLContext fromPem(Path certificateChain, Path privateKey, Path clientCa) throws Exception {
    char[] inMemoryOnly = new char[0];
    KeyStore identity = KeyStore.getInstance("PKCS12");
    identity.load(null, null);
    identity.setKeyEntry("server", PrivateKeyLoader.load(privateKey), inMemoryOnly,
        certificates(certificateChain));
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(identity, inMemoryOnly);

    KeyStore clientCas = KeyStore.getInstance("PKCS12");
    clientCas.load(null, null);
    Certificate[] cas = certificates(clientCa);
    for (int i = 0; i < cas.length; i++) {
      clientCas.setCertificateEntry("client-ca-" + i, cas[i]);
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(clientCas);

    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static Certificate[] certificates(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(new Certificate[0]);
    }
  }
}
