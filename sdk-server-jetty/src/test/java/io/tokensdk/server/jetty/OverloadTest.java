package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.server.ServerEvent;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A burst far beyond the workers and the queue: every request gets a success or the API's retryable answer with
 * Retry-After, none is reset, and the server serves normally afterwards.
 */
class OverloadTest {
  private static final int WORKERS = 2;
  private static final int QUEUE = 2;
  private static final int BURST = 40;

  @Test
  void tspBurstBeyondCapacityIsAnswered503WithRetryAfterAndNothingIsReset() throws Exception {
    Handlers.Tsp tsp = new Handlers.Tsp();
    List<ServerEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .workerThreads(WORKERS).queueCapacity(QUEUE).listener(events::add).mount(tsp).build().start()) {
      List<RawHttp.Answer> answers = burst(server, tsp.gate,
          () -> new String[] {"GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "burst"});
      long ok = answers.stream().filter(a -> a.status() == 204).count();
      List<RawHttp.Answer> refused = answers.stream().filter(a -> a.status() != 204).toList();
      assertEquals(WORKERS + QUEUE, ok, "the running and the queued requests are served");
      assertEquals(BURST - WORKERS - QUEUE, refused.size());
      for (RawHttp.Answer answer : refused) {
        assertEquals(503, answer.status(), answer.toString());
        assertEquals("1", answer.header("retry-after"));
        assertEquals("burst", answer.header("x-request-id"));
      }
      assertEquals(BURST - WORKERS - QUEUE, events.stream()
          .filter(e -> e.outcome() == ServerEvent.Outcome.OVERLOADED && e.httpStatus() == 503).count(),
          "every refusal reaches the listener");
      try (RawHttp http = new RawHttp(server.port())) {
        assertEquals(204, http.request("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "after").read()
            .status(), "served normally after the burst");
      }
    }
  }

  @Test
  void patBurstIsAnsweredWithStatusCode1300() throws Exception {
    Handlers.Pat pat = new Handlers.Pat();
    // a fresh messageId each: the same one would be a redelivery, deduped rather than run
    java.util.function.Supplier<String> body = () -> "{\"messageId\":\"" + java.util.UUID.randomUUID() + "\","
        + "\"conversationId\":\"1c9e8f1f-9d8b-4a4f-8b62-3e8d4c2f1b22\",\"token\":{\"tokenReferenceId\":\"REF-1\"},"
        + "\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\"},\"tokenState\":\"ACTIVE\","
        + "\"previousTokenState\":\"SUSPENDED\",\"stateChangeReasonCode\":\"INITIATED_BY_SYSTEM\","
        + "\"initiatingChannel\":\"API\",\"stateChangeTimestamp\":\"2026-11-23T10:00:00Z\"}";
    try (TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .workerThreads(WORKERS).queueCapacity(QUEUE).mount(pat).build().start()) {
      List<RawHttp.Answer> answers = burst(server, pat.gate,
          () -> new String[] {"POST", "/pat/token/state/changed", body.get()});
      List<RawHttp.Answer> refused = answers.stream().filter(a -> a.status() != 200).toList();
      assertEquals(BURST - WORKERS - QUEUE, refused.size(), answers.toString());
      for (RawHttp.Answer answer : refused) {
        assertEquals(500, answer.status(), answer.toString());
        assertTrue(answer.body().contains("\"statusCode\":\"1300\""), answer.body());
        assertEquals("1", answer.header("retry-after"));
      }
    }
  }

  /**
   * Holds the handlers, sends {@link #BURST} requests on their own connections, waits until every refused one is
   * answered, then lets the held ones finish. Returns every answer; a reset or a missing answer fails the test.
   */
  private static List<RawHttp.Answer> burst(TokenSdkServer server, Handlers.Gate gate,
      java.util.function.Supplier<String[]> request) throws Exception {
    gate.close();
    ExecutorService clients = Executors.newFixedThreadPool(BURST);
    try {
      List<Future<RawHttp.Answer>> futures = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        futures.add(clients.submit(() -> {
          String[] r = request.get();
          String[] headers = java.util.Arrays.copyOfRange(r, 3, r.length);
          try (RawHttp http = new RawHttp(server.port())) {
            return http.request(r[0], r[1], r[2], headers).read();
          }
        }));
      }
      gate.awaitEntered(WORKERS);
      // the refused ones are answered while the held ones still run: the server does not wait to say no
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (futures.stream().filter(Future::isDone).count() < BURST - WORKERS - QUEUE) {
        assertTrue(System.nanoTime() < deadline, "refused requests were not answered while the others ran");
        Thread.sleep(10);
      }
      gate.open();
      List<RawHttp.Answer> answers = new ArrayList<>();
      for (Future<RawHttp.Answer> future : futures) {
        answers.add(future.get(20, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      gate.open();
      clients.shutdownNow();
    }
  }
}
