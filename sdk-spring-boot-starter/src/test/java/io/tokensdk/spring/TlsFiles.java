package io.tokensdk.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Throwaway test PKI, written as PEM files: a CA for the server, one for the clients, the server's certificate for
 * {@code localhost} and a client certificate. Two CAs, so that a test passes only when each side trusts the right one.
 */
final class TlsFiles {
  final Path dir;
  final HeldCertificate serverCa;
  final HeldCertificate clientCa;
  final HeldCertificate client;

  private TlsFiles(Path dir) {
    this.dir = dir;
    this.serverCa = new HeldCertificate.Builder().commonName("test server CA").certificateAuthority(0).build();
    this.clientCa = new HeldCertificate.Builder().commonName("test client CA").certificateAuthority(0).build();
    HeldCertificate server = new HeldCertificate.Builder().commonName("localhost")
        .addSubjectAlternativeName("localhost").signedBy(serverCa).build();
    this.client = new HeldCertificate.Builder().commonName("test client").signedBy(clientCa).build();
    write("server-ca.pem", serverCa.certificatePem());
    write("clients-ca.pem", clientCa.certificatePem());
    write("server.pem", server.certificatePem() + serverCa.certificatePem());
    write("server.key", server.privateKeyPkcs8Pem());
    write("client.pem", client.certificatePem() + clientCa.certificatePem());
    write("client.key", client.privateKeyPkcs8Pem());
  }

  /** Writes the files into {@code dir}. */
  static TlsFiles in(Path dir) {
    return new TlsFiles(dir);
  }

  /** The properties of an SSL bundle {@code name} holding the client certificate and trusting the server's CA. */
  String[] clientBundle(String name) {
    String prefix = "--spring.ssl.bundle.pem." + name + ".";
    return new String[] {
        prefix + "keystore.certificate=file:" + dir.resolve("client.pem"),
        prefix + "keystore.private-key=file:" + dir.resolve("client.key"),
        prefix + "truststore.certificate=file:" + dir.resolve("server-ca.pem")};
  }

  /** What a raw OkHttp client needs: trust of the server's CA, with or without the client certificate. */
  HandshakeCertificates handshake(boolean withClientCertificate) {
    HandshakeCertificates.Builder builder =
        new HandshakeCertificates.Builder().addTrustedCertificate(serverCa.certificate());
    if (withClientCertificate) {
      builder.heldCertificate(client, clientCa.certificate());
    }
    return builder.build();
  }

  private void write(String name, String pem) {
    try {
      Files.writeString(dir.resolve(name), pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
