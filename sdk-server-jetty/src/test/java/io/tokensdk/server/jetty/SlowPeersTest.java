package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.tsp.TspClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow peers hold no worker: with two workers, twenty connections that stall their headers, their bodies or their TLS
 * handshakes leave a normal request answered. Past its deadline, each stalled peer is disconnected (or, for a body,
 * answered 408 with the API's error body). Waits are bounded; nothing is timed.
 */
class SlowPeersTest {
  private static final int STALLED = 20;
  private static final String HEALTH = "/tsp/trapi/v1.0/healthCheck";
  /** The first 5 bytes of a TLS record header announcing a ClientHello that never comes. */
  private static final String TLS_RECORD_START = "\u0016\u0003\u0001\u0001\u0000";

  private static TokenSdkServer.Builder plain() {
    return TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).workerThreads(2)
        .queueCapacity(2).mount(new Handlers.Tsp());
  }

  private static List<Socket> stall(int port, String prefix) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < STALLED; i++) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(prefix.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      sockets.add(socket);
    }
    return sockets;
  }

  private static void closeAll(List<Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private static int health(int port) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      return http.request("GET", HEALTH, null, "x-request-id", "normal").read().status();
    }
  }

  /** The peer's connection ends (closed or reset) without an answer, within the bounded read timeout. */
  private static boolean disconnected(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      return in.read() == -1;
    } catch (java.net.SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  @Test
  void stalledHeadersHoldNoWorkerAndAreCutAtTheirDeadline() throws IOException {
    try (TokenSdkServer server = plain().headerReadTimeout(Duration.ofSeconds(1)).build().start()) {
      List<Socket> stalled = stall(server.port(), "GET " + HEALTH + " HTTP/1.1\r\nHost: local");
      try {
        assertEquals(204, health(server.port()));
        for (Socket socket : stalled) {
          assertTrue(disconnected(socket), "a peer stalling its headers is disconnected");
        }
      } finally {
        closeAll(stalled);
      }
    }
  }

  @Test
  void stalledBodiesHoldNoWorkerAndGet408WithTheApiErrorBody() throws IOException {
    try (TokenSdkServer server = plain().bodyReadTimeout(Duration.ofSeconds(1)).build().start()) {
      List<Socket> stalled = stall(server.port(), "POST /tsp/trapi/v1.0/tokens HTTP/1.1\r\nHost: localhost\r\n"
          + "x-request-id: slow\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"issuerId\"");
      try {
        assertEquals(204, health(server.port()));
        String answer = new String(stalled.get(0).getInputStream().readNBytes(400),
            java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        assertTrue(answer.contains("\"responseCode\":112"), answer);
        assertTrue(answer.contains("x-request-id: slow"), answer);
      } finally {
        closeAll(stalled);
      }
    }
  }

  @Test
  void stalledTlsHandshakesHoldNoWorker(@TempDir Path dir) throws IOException {
    TlsFixture tls = new TlsFixture(dir);
    // a deadline far beyond the test: the stalled peers stay held while the normal call is served, and a loaded
    // machine's slow first handshake of the normal call is not cut by it either
    try (TokenSdkServer server = tls.serverBuilder().workerThreads(2).queueCapacity(2)
        .handshakeTimeout(Duration.ofMinutes(2)).mount(new Handlers.Tsp()).build().start()) {
      List<Socket> stalled = stall(server.port(), TLS_RECORD_START);
      try (TspClient client = new TspClient(ClientConfig.builder("https://localhost:" + server.port()
          + "/tsp/trapi/v1.0").trustedCertificatesPem(tls.file("ca.pem"))
          .clientCertificatePem(tls.file("client.pem"), tls.file("client.key"))
          .connectTimeout(Duration.ofSeconds(60)).readTimeout(Duration.ofSeconds(60))
          .callDeadline(Duration.ofSeconds(90)).retryPolicy(RetryPolicy.NONE).build())) {
        client.healthCheck();
        stalled.get(0).setSoTimeout(200);
        assertFalse(disconnected(stalled.get(0)), "the stalled handshakes were still held while the call was served");
      } finally {
        closeAll(stalled);
      }
    }
  }

  @Test
  void stalledTlsHandshakesAreCutAtTheirDeadline(@TempDir Path dir) throws IOException {
    // a separate server: a deadline this short could also cut a legitimate first handshake on a busy machine
    TlsFixture tls = new TlsFixture(dir);
    try (TokenSdkServer server = tls.serverBuilder().handshakeTimeout(Duration.ofSeconds(1)).mount(new Handlers.Tsp())
        .build().start()) {
      List<Socket> stalled = stall(server.port(), TLS_RECORD_START);
      try {
        for (Socket socket : stalled) {
          // a bounded wait far beyond the 1 s deadline: a loaded machine may run the deadline late, never not at all
          socket.setSoTimeout(60_000);
          assertTrue(disconnected(socket), "a peer stalling its handshake is disconnected");
        }
      } finally {
        closeAll(stalled);
      }
    }
  }

  @Test
  void withLongDeadlinesTheStalledPeersAreStillHeldButANormalRequestIsServed() throws IOException {
    try (TokenSdkServer server = plain().headerReadTimeout(Duration.ofMinutes(1)).idleTimeout(Duration.ofMinutes(1))
        .build().start()) {
      List<Socket> stalled = stall(server.port(), "GET " + HEALTH + " HTTP/1.1\r\nHost: local");
      try {
        for (int i = 0; i < 3; i++) {
          assertEquals(204, health(server.port()));
        }
        stalled.get(0).setSoTimeout(200);
        assertFalse(disconnected(stalled.get(0)), "the stalled peer is still connected: the test shows no worker "
            + "was needed to hold it");
      } finally {
        closeAll(stalled);
      }
    }
  }
}
