package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of the host's answers: status line, every header in its order, body. Only the {@code Date} value,
 * which changes by the second, is masked.
 */
class WireBytesTest {
  private static final String TOKENS = "/tsp/trapi/v1.0/tokens";
  private static final String CREATED = "{\"tokenId\":\"tok-1\",\"tokenInfo\":{\"exp\":\"1229\",\"last4\":\"1234\"}}";

  private TokenSdkServer server;
  private RawHttp http;

  @BeforeEach
  void start() throws Exception {
    server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .mount(new Handlers.Tsp()).build().start();
    http = new RawHttp(server.port());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
  }

  @Test
  void aCreatedTokenAndItsReplayAreTheSameBytes() throws IOException {
    String expected = "HTTP/1.1 200 OK\r\nDate: *\r\nContent-Type: application/json; charset=utf-8\r\n"
        + "Cache-Control: no-store\r\nx-request-id: wire-1\r\nContent-Length: " + CREATED.length() + "\r\n\r\n"
        + CREATED;
    assertEquals(expected, call("POST", TOKENS, Handlers.CREATE_TOKEN, "x-request-id", "wire-1"));
    assertEquals(expected, call("POST", TOKENS, Handlers.CREATE_TOKEN, "x-request-id", "wire-1"), "the replay");
  }

  @Test
  void aWrongMethodNamesTheAllowedOnesAndEchoesEveryIdHeader() throws IOException {
    String answer = call("DELETE", TOKENS, null, "x-request-id", "wire-2", "x-correlation-id", "c-2");
    assertEquals("HTTP/1.1 405 Method Not Allowed\r\nDate: *\r\nAllow: POST\r\nx-request-id: wire-2\r\n"
        + "x-correlation-id: c-2\r\nContent-Length: 0\r\n\r\n", answer);
  }

  @Test
  void anAnswerWithoutABodyHasAZeroLength() throws IOException {
    assertEquals("HTTP/1.1 204 No Content\r\nDate: *\r\nx-request-id: wire-3\r\n\r\n",
        call("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "wire-3"));
  }

  /** One call on the keep-alive connection; its answer as text, with the Date value masked. */
  private String call(String method, String path, String body, String... headers) throws IOException {
    http.request(method, path, body, headers);
    InputStream in = http.socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed inside the head: " + head);
      }
      head.write(c);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("\r\ncontent-length: ");
    int length = at < 0 ? 0 : Integer.parseInt(text.substring(at + 18, text.indexOf("\r\n", at + 2)));
    byte[] content = in.readNBytes(length);
    return text.replaceFirst("\r\nDate: [^\r]+\r\n", "\r\nDate: *\r\n") + new String(content, StandardCharsets.UTF_8);
  }
}
