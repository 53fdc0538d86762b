package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.model.cof.BindingCreationNotification;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server that refuses the client's TLS (with an alert, or by resetting or closing the connection in the handshake):
 * a {@link TlsException} that names the likely cause, after exactly one attempt, even for an operation that is safe to
 * resend (COF notifications are deduplicated).
 */
@ExtendWith(SecretLog.class)
class TlsRefusalTest {
  private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test-ca").build();
  private final HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca)
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).addTrustedCertificate(ca.certificate())
        .build().sslSocketFactory(), false);
    server.requireClientAuth();
    server.enqueue(new MockResponse().setResponseCode(204));
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private CofNotificationClient client(String url, HeldCertificate clientCert) throws Exception {
    ClientConfig.Builder config = ClientConfig.builder(url).apiKey(SecretLog.API_KEY).httpLog(SecretLog.sink())
        .trustedCertificates(List.of(ca.certificate())).listener(events::add).timing(new FakeTiming())
        .retryPolicy(RetryPolicy.of(5, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    if (clientCert != null) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("c", clientCert.keyPair().getPrivate(), "pw".toCharArray(),
          new Certificate[] {clientCert.certificate()});
      config.clientCertificate(keys, "pw".toCharArray());
    }
    return new CofNotificationClient(config.build());
  }

  private static BindingCreationNotification notification() {
    return WireCases.model("{\"tokenId\":\"t\",\"deviceId\":\"d\",\"selectedIdvMethod\":\"NONE\",\"merchantId\":\"m\"}",
        BindingCreationNotification.class);
  }

  private TlsException refused(CofNotificationClient client) {
    assertTrue(Resend.safe(io.tokensdk.spec.SpecId.COF, "notifyBindingCreation"));
    TlsException thrown = assertThrows(TlsException.class, () -> client.notifyBindingCreation(notification()));
    assertEquals(1, thrown.attempts(), thrown.getMessage());
    assertEquals(1, events.size(), "one attempt");
    assertEquals(AttemptEvent.Outcome.FAILURE, events.get(0).outcome());
    return thrown;
  }

  @Test
  void noClientCertificate() throws Exception {
    TlsException thrown = refused(client(server.url("/tsh-cof").toString(), null));
    assertTrue(thrown.getMessage().contains("no client certificate was presented"), thrown.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  /** Repeated: over TLS 1.3 the refusal reaches the client in one of several ways, depending on the timing. */
  @RepeatedTest(10)
  void aClientCertificateFromAnotherCa() throws Exception {
    HeldCertificate rogueCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("rogue-ca").build();
    HeldCertificate rogue = new HeldCertificate.Builder().signedBy(rogueCa).commonName("rogue-client").build();
    TlsException thrown = refused(client(server.url("/tsh-cof").toString(), rogue));
    assertTrue(thrown.getMessage().contains("does not trust the client certificate CN=rogue-client"), thrown.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anExpiredClientCertificate() throws Exception {
    long now = System.currentTimeMillis();
    HeldCertificate expired = new HeldCertificate.Builder().signedBy(ca).commonName("old-client")
        .validityInterval(now - TimeUnit.DAYS.toMillis(30), now - TimeUnit.DAYS.toMillis(1)).build();
    TlsException thrown = refused(client(server.url("/tsh-cof").toString(), expired));
    assertTrue(thrown.getMessage().contains("the client certificate CN=old-client expired on"), thrown.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aResetDuringTheHandshakeWithoutAnAlert() throws Exception {
    try (HandshakeBreaker breaker = new HandshakeBreaker(true)) {
      TlsException thrown = refused(client(breaker.url(), null));
      assertTrue(thrown.getMessage().contains("without an alert"), thrown.getMessage());
      assertTrue(thrown.getMessage().contains("no client certificate was presented"), thrown.getMessage());
      assertEquals(1, breaker.connections.get());
    }
  }

  @Test
  void aCloseDuringTheHandshakeWithoutAnAlert() throws Exception {
    HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).commonName("tsh-client").build();
    try (HandshakeBreaker breaker = new HandshakeBreaker(false)) {
      TlsException thrown = refused(client(breaker.url(), client));
      assertTrue(thrown.getMessage().contains("without an alert"), thrown.getMessage());
      assertTrue(thrown.getMessage().contains("CN=tsh-client"), thrown.getMessage());
      assertEquals(1, breaker.connections.get());
    }
  }

  /** Reads the ClientHello, then resets (RST) or closes (FIN) the connection without a TLS alert. */
  private static final class HandshakeBreaker implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();

    HandshakeBreaker(boolean reset) throws IOException {
      Thread thread = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket connection = socket.accept();
            connections.incrementAndGet();
            InputStream in = connection.getInputStream();
            byte[] header = in.readNBytes(5);
            if (header.length == 5) {
              in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
            }
            if (reset) {
              connection.setSoLinger(true, 0);
            }
            connection.close();
          } catch (IOException e) {
            return;
          }
        }
      }, "handshake-breaker");
      thread.setDaemon(true);
      thread.start();
    }

    String url() {
      return "https://127.0.0.1:" + socket.getLocalPort() + "/tsh-cof";
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
