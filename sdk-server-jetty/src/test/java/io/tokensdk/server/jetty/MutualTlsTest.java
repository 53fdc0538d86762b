package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.TlsException;
import io.tokensdk.client.tsp.TspClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files with a required client certificate: a trusted client is served; a client without a certificate,
 * with an expired one or one of another CA is refused with a TLS alert (the SDK client reports a TlsException); TLS 1.1
 * and a CBC-SHA1 suite are refused with an alert (checked with the openssl CLI, which can still offer them).
 */
class MutualTlsTest {
  @TempDir
  static Path dir;
  private static TlsFixture tls;
  private static TokenSdkServer server;
  private static final Handlers.Tsp TSP = new Handlers.Tsp();

  @BeforeAll
  static void start() throws IOException {
    tls = new TlsFixture(dir);
    server = tls.serverBuilder().mount(TSP).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static TspClient client(String certificate) {
    ClientConfig.Builder config = ClientConfig.builder("https://localhost:" + server.port() + "/tsp/trapi/v1.0")
        .trustedCertificatesPem(tls.file("ca.pem"));
    if (certificate != null) {
      config.clientCertificatePem(tls.file(certificate + ".pem"), tls.file(certificate + ".key"));
    }
    return new TspClient(config.build());
  }

  /**
   * The refusal as the SDK client sees it, and the alert on the wire as openssl reads it. Under TLS 1.3 the client's
   * side of the handshake ends before the server has checked its certificate, so the client may write its request
   * into a connection the server has just closed and see a broken pipe before it reads the alert; it still reports a
   * TlsException (a failure before any answer on a new TLS connection), made once, never retried. openssl reads the
   * alert in every case.
   */
  private static void assertRefusedWithAlert(String certificate, String alert) throws Exception {
    TlsException e = assertThrows(TlsException.class, () -> client(certificate).healthCheck());
    assertEquals(1, e.attempts(), e.getMessage());
    List<String> options = new java.util.ArrayList<>(List.of("-connect", "127.0.0.1:" + server.port(), "-CAfile",
        tls.file("ca.pem").toString()));
    if (certificate != null) {
      options.addAll(List.of("-cert", tls.file(certificate + ".pem").toString(), "-key",
          tls.file(certificate + ".key").toString()));
    }
    String out = run(options);
    assertTrue(out.matches("(?s).*alert (" + alert + ").*"), out);
  }

  @Test
  void aTrustedClientIsServed() {
    client("client").healthCheck();
  }

  @Test
  void noClientCertificateIsRefusedWithAnAlert() throws Exception {
    assertRefusedWithAlert(null, "certificate required|bad certificate");
  }

  @Test
  void anExpiredClientCertificateIsRefusedWithAnAlert() throws Exception {
    assertRefusedWithAlert("expired", "certificate unknown|bad certificate|certificate expired");
  }

  @Test
  void aCertificateOfAnotherCaIsRefusedWithAnAlert() throws Exception {
    assertRefusedWithAlert("rogue", "certificate unknown|bad certificate|unknown ca");
  }

  @Test
  void tls11IsRefusedWithAProtocolVersionAlert() throws Exception {
    String out = openssl("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
    assertTrue(out.contains("alert protocol version") || out.contains("no protocols available"), out);
    assertTrue(out.contains("alert"), "the server answered no alert: " + out);
  }

  @Test
  void aCbcSha1SuiteIsRefusedWithAHandshakeFailureAlert() throws Exception {
    String out = openssl("-tls1_2", "-cipher", "ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES128-SHA");
    assertTrue(out.contains("alert handshake failure"), out);
  }

  @Test
  void anAeadSuiteOverTls12IsAccepted() throws Exception {
    String out = openssl("-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256");
    assertTrue(out.contains("Cipher is ECDHE"), out);
  }

  private static String openssl(String... options) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of("-connect", "127.0.0.1:" + server.port(), "-CAfile",
        tls.file("ca.pem").toString(), "-cert", tls.file("client.pem").toString(), "-key",
        tls.file("client.key").toString()));
    all.addAll(List.of(options));
    return run(all);
  }

  /** openssl s_client with {@code options}, sending one request; its output, which names any alert received. */
  private static String run(List<String> options) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-ign_eof"));
    command.addAll(options);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (java.io.OutputStream in = process.getOutputStream()) {
      in.write(("GET /tsp/trapi/v1.0/healthCheck HTTP/1.1\r\nHost: localhost\r\nx-request-id: o\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
