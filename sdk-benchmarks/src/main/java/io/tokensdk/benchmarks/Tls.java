package io.tokensdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Throwaway mutual-TLS material for loopback: one CA, a server certificate for 127.0.0.1, a client certificate. */
final class Tls {
  final HeldCertificate ca;
  final HeldCertificate server;
  final HeldCertificate client;

  /** Fresh material. */
  Tls() {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("bench-ca").build();
    server = new HeldCertificate.Builder().signedBy(ca).commonName("127.0.0.1")
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
    client = new HeldCertificate.Builder().signedBy(ca).commonName("bench-client").build();
  }

  private Tls(HeldCertificate ca, HeldCertificate server, HeldCertificate client) {
    this.ca = ca;
    this.server = server;
    this.client = client;
  }

  /** Writes the material into {@code directory} as PEM, for a host in another JVM ({@link #read}). */
  void write(Path directory) throws IOException {
    Files.writeString(directory.resolve("ca.pem"), pem(ca));
    Files.writeString(directory.resolve("server.pem"), pem(server));
    Files.writeString(directory.resolve("client.pem"), pem(client));
  }

  /** The material {@link #write} wrote into {@code directory}. */
  static Tls read(Path directory) throws IOException {
    return new Tls(decode(directory.resolve("ca.pem")), decode(directory.resolve("server.pem")),
        decode(directory.resolve("client.pem")));
  }

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

  private static String pem(HeldCertificate held) {
    return held.certificatePem() + held.privateKeyPkcs8Pem();
  }

  private static HeldCertificate decode(Path file) throws IOException {
    return HeldCertificate.decode(Files.readString(file, StandardCharsets.US_ASCII));
  }
}
