package io.tokensdk.server.jetty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HeldCertificate;

/** Throwaway test certificates, written as PEM files: a CA, a server, a client, an expired client and a rogue one. */
final class TlsFixture {
  final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
  final HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).commonName("server")
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
  final HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).commonName("tsh-client").build();
  final HeldCertificate expired;
  final HeldCertificate rogue;
  final Path dir;

  TlsFixture(Path dir) {
    this.dir = dir;
    long now = System.currentTimeMillis();
    expired = new HeldCertificate.Builder().signedBy(ca).commonName("expired")
        .validityInterval(now - TimeUnit.DAYS.toMillis(3), now - TimeUnit.DAYS.toMillis(1)).build();
    HeldCertificate rogueCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("rogue CA").build();
    rogue = new HeldCertificate.Builder().signedBy(rogueCa).commonName("rogue").build();
    write("server.pem", server.certificatePem() + ca.certificatePem());
    write("server.key", server.privateKeyPkcs8Pem());
    write("ca.pem", ca.certificatePem());
    for (String name : new String[] {"client", "expired", "rogue"}) {
      HeldCertificate held = name.equals("client") ? client : name.equals("expired") ? expired : rogue;
      write(name + ".pem", held.certificatePem());
      write(name + ".key", held.privateKeyPkcs8Pem());
    }
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /** A server builder serving HTTPS from the PEM files, client certificate required. */
  TokenSdkServer.Builder serverBuilder() {
    return TokenSdkServer.builder().bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0)
        .tlsPem(file("server.pem"), file("server.key"), file("ca.pem"));
  }

  private void write(String name, String text) {
    try {
      Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
