package io.tokensdk.benchmarks;

import java.security.KeyStore;
import java.security.cert.Certificate;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Throwaway mutual-TLS material for loopback: one CA, a server certificate for 127.0.0.1, a client certificate. */
final class Tls {
  final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("bench-ca").build();
  final HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).commonName("127.0.0.1")
      .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
  final HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).commonName("bench-client").build();

  /** The server's side: its certificate, trusting the CA for client certificates. */
  HandshakeCertificates serverSide() {
    return new HandshakeCertificates.Builder().heldCertificate(server, ca.certificate())
        .addTrustedCertificate(ca.certificate()).build();
  }

  /** The client's side: its certificate, trusting the CA for the server. */
  HandshakeCertificates clientSide() {
    return new HandshakeCertificates.Builder().heldCertificate(client, ca.certificate())
        .addTrustedCertificate(ca.certificate()).build();
  }

  /** The client's certificate and key as a key store, for the SDK's configuration. */
  KeyStore clientKeyStore(char[] password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", client.keyPair().getPrivate(), password,
        new Certificate[] {client.certificate(), ca.certificate()});
    return store;
  }
}
