package io.tokensdk.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
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

  /**
   * The properties of a JKS-style SSL bundle {@code name}: the client key in a password-protected PKCS#12 key store
   * (store and key password {@code password}) and the server's CA in a PKCS#12 trust store.
   */
  String[] clientKeyStoreBundle(String name, String password) {
    Path keyStore = dir.resolve(name + "-client.p12");
    Path trustStore = dir.resolve(name + "-trust.p12");
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", client.keyPair().getPrivate(), password.toCharArray(),
          new Certificate[] {client.certificate(), clientCa.certificate()});
      try (OutputStream out = Files.newOutputStream(keyStore)) {
        keys.store(out, password.toCharArray());
      }
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server-ca", serverCa.certificate());
      try (OutputStream out = Files.newOutputStream(trustStore)) {
        trust.store(out, password.toCharArray());
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String prefix = "--spring.ssl.bundle.jks." + name + ".";
    return new String[] {
        prefix + "keystore.location=file:" + keyStore, prefix + "keystore.password=" + password,
        prefix + "keystore.type=PKCS12",
        prefix + "truststore.location=file:" + trustStore, prefix + "truststore.password=" + password,
        prefix + "truststore.type=PKCS12"};
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
