package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS with a required client certificate on the embedded server. */
class MutualTlsTest {
  private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("test CA").build();
  private static final HeldCertificate SERVER = new HeldCertificate.Builder().signedBy(CA)
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").commonName("server").build();
  private static final HeldCertificate CLIENT = new HeldCertificate.Builder().signedBy(CA)
      .commonName("tsh-client").build();
  private static final Recorder RECORDER = new Recorder();
  private static TokenSdkServer server;

  @BeforeAll
  static void start() throws IOException {
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder()
        .heldCertificate(SERVER, CA.certificate())
        .addTrustedCertificate(CA.certificate())
        .build();
    SSLContext context = serverCerts.sslContext();
    server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .tls(context, ClientAuth.REQUIRED)
        .mount(new TestHandlers.CoreTsp(RECORDER))
        .build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Http client(HeldCertificate clientCert) {
    HandshakeCertificates.Builder certs = new HandshakeCertificates.Builder().addTrustedCertificate(CA.certificate());
    if (clientCert != null) {
      certs.heldCertificate(clientCert, clientCert == CLIENT ? new java.security.cert.X509Certificate[] {CA.certificate()}
          : new java.security.cert.X509Certificate[0]);
    }
    HandshakeCertificates built = certs.build();
    return new Http("https://localhost:" + server.port(), new OkHttpClient.Builder()
        .sslSocketFactory(built.sslSocketFactory(), built.trustManager()));
  }

  @Test
  void aTrustedClientCertificateIsAcceptedAndVisibleToTheHandler() throws Exception {
    Http http = client(CLIENT);
    Http.Reply reply = http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "tls-1");
    assertEquals(204, reply.code());
    RequestContext ctx = RECORDER.calls.get(RECORDER.calls.size() - 1).context();
    assertEquals(CLIENT.certificate(), ctx.clientCertificate().orElseThrow());
    http.close();
  }

  @Test
  void aMissingClientCertificateIsRefused() {
    Http http = client(null);
    assertThrows(IOException.class, () -> http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "x"));
    http.close();
  }

  @Test
  void anUntrustedClientCertificateIsRefused() {
    HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("rogue CA").build();
    HeldCertificate rogue = new HeldCertificate.Builder().signedBy(otherCa).commonName("rogue").build();
    Http http = client(rogue);
    IOException e = assertThrows(IOException.class,
        () -> http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "x"));
    assertEquals(true, e instanceof SSLException || e.getMessage() != null);
    http.close();
  }
}
