package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every request the HTTP layer refuses gets the TSP API's error answer ({@code errorRes} 112 naming no value), never an
 * HTML page, a class name or a 408 for malformed input; the server keeps serving afterwards.
 */
class ProtocolErrorTest {
  private static final String BASE = "/tsp/trapi/v1.0";
  private static TokenSdkServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0).maxBodyBytes(4096)
        .mount(new Handlers.Tsp()).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static RawHttp.Answer raw(String request) throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      return http.send(request).read();
    }
  }

  /** The TSP's bad-request answer: JSON errorRes with code 112, no HTML, no Java class name. */
  private static void assertErrorRes(int status, RawHttp.Answer answer) {
    assertEquals(status, answer.status(), answer.toString());
    assertTrue(answer.header("content-type").startsWith("application/json"), answer.toString());
    assertTrue(answer.body().contains("\"responseCode\":112"), answer.body());
    assertFalse(answer.body().contains("<"), answer.body());
    assertFalse(answer.body().matches("(?s).*(Exception|java\\.|org\\.eclipse).*"), answer.body());
  }

  @Test
  void aBadUri() throws IOException {
    assertErrorRes(400, raw("GET " + BASE + "/tokens/%zz HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n\r\n"));
  }

  @Test
  void aBadContentLength() throws IOException {
    assertErrorRes(400, raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
        + "Content-Type: application/json\r\nContent-Length: 12x\r\n\r\n{}"));
  }

  @Test
  void badChunking() throws IOException {
    assertErrorRes(400, raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"));
  }

  @Test
  void aChunkedBodyBeyondTheLimitIs413() throws IOException {
    String data = "x".repeat(5000);
    assertErrorRes(413, raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(data.length()) + "\r\n" + data + "\r\n0\r\n\r\n"));
  }

  @Test
  void aValidChunkedBodyWithATrailerIsServed() throws IOException {
    String body = Handlers.CREATE_TOKEN;
    RawHttp.Answer answer = raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\nx-trailer: t\r\n\r\n");
    assertEquals(200, answer.status(), answer.toString());
  }

  @Test
  void aBodyCutOffByTheClientIs400NotATimeout() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      http.send("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"issuerId\"");
      http.socket.shutdownOutput();
      assertErrorRes(400, http.read());
    }
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413AtOnceWithoutReadingIt() throws IOException {
    // nothing of the 100 MB is sent: the answer comes from the declared length alone
    assertErrorRes(413, raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: big\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n"));
  }

  @Test
  void oversizedHeadersAre431() throws IOException {
    assertErrorRes(431, raw("GET " + BASE + "/healthCheck HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
        + "x-padding: " + "p".repeat(10_000) + "\r\n\r\n"));
  }

  @Test
  void aBareLineFeedIsRefused() throws IOException {
    assertErrorRes(400, raw("GET " + BASE + "/healthCheck HTTP/1.1\nHost: localhost\nx-request-id: r\n\n"));
  }

  @Test
  void aMissingHostIsRefused() throws IOException {
    assertErrorRes(400, raw("GET " + BASE + "/healthCheck HTTP/1.1\r\nx-request-id: r\r\n\r\n"));
  }

  @Test
  void aLowerCaseMethodIsRefused() throws IOException {
    assertErrorRes(400, raw("get " + BASE + "/healthCheck HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n\r\n"));
  }

  @Test
  void unknownPathWrongMethodHeadAndOptionsGetTheDispatchersAnswers() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      assertEquals(404, http.request("GET", BASE + "/nowhere", null, "x-request-id", "r").read().status());
      RawHttp.Answer wrong = http.request("DELETE", BASE + "/healthCheck", null, "x-request-id", "r").read();
      assertEquals(405, wrong.status());
      assertEquals("GET", wrong.header("allow"));
      RawHttp.Answer head = http.request("HEAD", BASE + "/healthCheck", null, "x-request-id", "r").read();
      assertEquals(405, head.status());
      assertEquals("", head.body());
      assertEquals(405, http.request("OPTIONS", BASE + "/healthCheck", null, "x-request-id", "r").read().status());
      assertEquals(204, http.request("GET", BASE + "/healthCheck", null, "x-request-id", "r").read().status(),
          "the connection still serves");
    }
  }

  @Test
  void theIdHeaderIsEchoedOnARefusal() throws IOException {
    RawHttp.Answer answer = raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: echo-me\r\n"
        + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n");
    assertEquals("echo-me", answer.header("x-request-id"));
  }

  @Test
  void theReasonIsLoggedWithTheRequestId() throws IOException, InterruptedException {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.tokensdk.server.jetty");
    java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch logged = new java.util.concurrent.CountDownLatch(1);
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        String line = new java.util.logging.SimpleFormatter().formatMessage(record);
        lines.add(line);
        if (isTheRefusal(line)) {
          logged.countDown();
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(capture);
    try {
      raw("POST " + BASE + "/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: log-me-1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n");
      // the line is written once the answer is, so it may follow the answer's arrival by a moment
      assertTrue(logged.await(10, java.util.concurrent.TimeUnit.SECONDS), lines.toString());
    } finally {
      logger.removeHandler(capture);
    }
  }

  private static boolean isTheRefusal(String line) {
    return line.contains("log-me-1") && line.contains("413") && line.contains("too large");
  }

  @Test
  void aRepeatedRequestIdIsRefusedByTheDispatcher() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Answer answer = http.request("GET", BASE + "/healthCheck", null, "x-request-id", "one",
          "x-request-id", "two").read();
      assertErrorRes(400, answer);
    }
  }

  @Test
  void anEncodedSlashInAPathValueIsServed() throws IOException {
    try (RawHttp http = new RawHttp(server.port())) {
      assertEquals(204, http.request("PUT", BASE + "/tokens/a%2Fb/state",
          "{\"issuerId\":\"ISSUER0001\",\"newState\":\"SUSPENDED\"}", "x-request-id", "r").read().status());
    }
  }
}
