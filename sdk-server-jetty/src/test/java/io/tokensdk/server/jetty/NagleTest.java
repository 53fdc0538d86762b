package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The server's connections have TCP_NODELAY: an answer is not held back until the peer's delayed ACK.
 * <p>With Nagle's algorithm on (Linux applies Minshall's variant), a small segment waits while an earlier small segment
 * is not yet acknowledged, and a peer that has nothing to send delays its ACK by up to 40 ms. A lone keep-alive call
 * does not show it (its request carries the ACK of the previous answer), but two answers written back to back do: here a
 * client pipelines two createToken calls at a time on one keep-alive connection, and the second answer of each pair
 * would wait some 40 ms for the ACK of the first (measured here with TCP_NODELAY off: every pair took 43 to 51 ms; with
 * it on, a few ms). The bound is half that window, on the median of many pairs, so that a loaded machine does not trip
 * it.
 */
class NagleTest {
  private static final String TOKENS = "/tsp/trapi/v1.0/tokens";
  private static final int PAIRS = 21;
  private static final Duration BOUND = Duration.ofMillis(20);

  @Test
  void answersWrittenBackToBackAreNotHeldUntilTheDelayedAck() throws Exception {
    try (TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .mount(new Handlers.Tsp()).build().start();
        RawHttp http = new RawHttp(server.port())) {
      for (int i = 0; i < 5; i++) {
        assertCreated(http.request("POST", TOKENS, Handlers.CREATE_TOKEN, "x-request-id", "warm-" + i).read());
      }
      long[] pairs = new long[PAIRS];
      for (int i = 0; i < PAIRS; i++) {
        long begin = System.nanoTime();
        http.send(raw("first-" + i) + raw("second-" + i));
        assertCreated(http.read());
        assertCreated(http.read());
        pairs[i] = System.nanoTime() - begin;
      }
      Arrays.sort(pairs);
      Duration median = Duration.ofNanos(pairs[PAIRS / 2]);
      assertTrue(median.compareTo(BOUND) < 0, "the median of " + PAIRS + " pairs of pipelined createToken calls on one"
          + " loopback connection is " + median.toMillis() + " ms (bound " + BOUND.toMillis() + " ms): the second"
          + " answer of a pair waits for the client's delayed ACK of the first (up to 40 ms), as Nagle's algorithm"
          + " makes it when TCP_NODELAY is off on the server's connections; each pair (ms): "
          + Arrays.toString(Arrays.stream(pairs).map(n -> n / 1_000_000).toArray()));
    }
  }

  private static String raw(String id) {
    return "POST " + TOKENS + " HTTP/1.1\r\nHost: localhost\r\nx-request-id: " + id
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + Handlers.CREATE_TOKEN.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + Handlers.CREATE_TOKEN;
  }

  private static void assertCreated(RawHttp.Answer answer) {
    assertEquals(200, answer.status(), answer.toString());
    assertTrue(answer.body().contains("\"tokenId\""), answer.body());
    assertEquals(null, answer.header("connection"), "the connection stays open");
  }
}
