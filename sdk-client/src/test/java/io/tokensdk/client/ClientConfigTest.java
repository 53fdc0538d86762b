package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.tsp.TspClient;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The configuration options that the wire and fault tests do not already exercise. */
@ExtendWith(SecretLog.class)
class ClientConfigTest {
  @AutoClose
  private final MockWebServer server = Loopback.server();

  @Test
  void callsGoThroughTheConfiguredProxy() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    TspClient tsp = new TspClient(ClientConfig.builder("http://tsp.invalid/tsp/trapi/v1.0")
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())))
        .httpLog(SecretLog.sink()).build());
    tsp.healthCheck();
    assertEquals("GET http://tsp.invalid/tsp/trapi/v1.0/healthCheck HTTP/1.1", server.takeRequest().getRequestLine());
  }

  @Test
  void mutualTlsFromPemFiles(@TempDir Path dir) throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
    HeldCertificate clientCert = new HeldCertificate.Builder().signedBy(ca).commonName("pem-client").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).addTrustedCertificate(ca.certificate())
        .build().sslSocketFactory(), false);
    server.requireClientAuth();
    server.enqueue(new MockResponse().setResponseCode(204));
    Path chain = Files.writeString(dir.resolve("client.pem"), clientCert.certificatePem() + ca.certificatePem());
    Path key = Files.writeString(dir.resolve("client.key"), clientCert.privateKeyPkcs8Pem());
    Path trust = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());

    TspClient tsp = new TspClient(ClientConfig.builder(server.url("/tsp/trapi/v1.0").toString())
        .clientCertificatePem(chain, key).trustedCertificatesPem(trust).httpLog(SecretLog.sink()).build());
    tsp.healthCheck();

    assertEquals("CN=pem-client", server.takeRequest().getHandshake().peerPrincipal().getName());
  }

  @Test
  void aKeyFileWithoutAKeyIsAClearErrorThatShowsNoKey(@TempDir Path dir) throws Exception {
    HeldCertificate cert = new HeldCertificate.Builder().rsa2048().build();
    Path chain = Files.writeString(dir.resolve("c.pem"), cert.certificatePem());
    Path key = Files.writeString(dir.resolve("k.pem"), cert.certificatePem());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClientConfig.builder("https://x.invalid/").clientCertificatePem(chain, key));
    assertFalse(e.getMessage().contains("MII"), e.getMessage());
    assertTrue(e.getMessage().contains("expected a private key"), e.getMessage());
  }

  @Test
  void badSettingsAreRejectedWhenBuilt() {
    assertThrows(IllegalArgumentException.class, () -> ClientConfig.builder("ftp://x/"));
    assertThrows(IllegalArgumentException.class, () -> ClientConfig.builder("https://x/").apiKey("two words"));
    assertThrows(IllegalArgumentException.class, () -> ClientConfig.builder("https://x/").readTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().deadline(Duration.ofSeconds(-1)));
  }

  @Test
  void toStringNeverShowsTheApiKey() {
    ClientConfig config = ClientConfig.builder("https://x/").apiKey(SecretLog.API_KEY).build();
    assertFalse(config.toString().contains(SecretLog.API_KEY));
    assertTrue(config.toString().contains("apiKey=***"));
    assertTrue(config.userAgent().matches("tokensdk-java/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), config.userAgent());
  }

  @Test
  void backoffGrowsExponentiallyWithJitterAndStaysUnderTheCap() {
    RetryPolicy policy = RetryPolicy.of(10, Duration.ofMillis(100), Duration.ofMillis(1000));
    for (int i = 0; i < 200; i++) {
      long first = policy.delayAfter(1).toMillis();
      long third = policy.delayAfter(3).toMillis();
      long tenth = policy.delayAfter(10).toMillis();
      assertTrue(first >= 50 && first <= 100, "first " + first);
      assertTrue(third >= 200 && third <= 400, "third " + third);
      assertTrue(tenth >= 500 && tenth <= 1000, "capped " + tenth);
    }
  }
}
