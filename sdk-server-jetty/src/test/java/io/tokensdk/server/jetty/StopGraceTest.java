package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.dedupe.ForwardingDedupeStore;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.SpecId;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A handler that outlives the stop grace: {@code stop()} returns within the grace (plus a bounded margin) instead of
 * waiting for it, its caller gets the API's retryable answer on a connection closed cleanly (not a cut connection), and
 * the handler keeps its dedupe claim, so that a retry with the same id, on another instance sharing the dedupe store,
 * gets the first delivery's outcome instead of running the handler (and creating a token) a second time.
 */
class StopGraceTest {
  private static final Duration GRACE = Duration.ofMillis(300);
  /** Far more than a stop needs past its grace, far less than a held handler's 20 s. */
  private static final Duration STOP_BOUND = GRACE.plusSeconds(5);
  private static final String TOKENS = "/tsp/trapi/v1.0/tokens";
  private static final String PAT_STATE = "/pat/token/state/changed";
  private static final String PAT_BODY = "{\"messageId\":\"7d1e2c3b-4a5f-4b6c-8d7e-9f0a1b2c3d4e\","
      + "\"conversationId\":\"1c9e8f1f-9d8b-4a4f-8b62-3e8d4c2f1b22\",\"token\":{\"tokenReferenceId\":\"REF-1\"},"
      + "\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\"},\"tokenState\":\"ACTIVE\","
      + "\"previousTokenState\":\"SUSPENDED\",\"stateChangeReasonCode\":\"INITIATED_BY_SYSTEM\","
      + "\"initiatingChannel\":\"API\",\"stateChangeTimestamp\":\"2026-11-23T10:00:00Z\"}";
  private final ExecutorService clients = Executors.newFixedThreadPool(4);
  private final java.util.List<Handlers.Gate> gates = new java.util.ArrayList<>();
  private final java.util.List<TokenSdkServer> servers = new java.util.ArrayList<>();

  @AfterEach
  void release() {
    gates.forEach(Handlers.Gate::open);
    servers.forEach(TokenSdkServer::stop);
    clients.shutdownNow();
  }

  @Test
  void tspStopReturnsWithinTheGraceAndTheRunningCallGetsTheRetryableAnswer() throws Exception {
    Handlers.Tsp tsp = new Handlers.Tsp();
    TokenSdkServer server = start(TokenSdkServer.builder().mount(tsp), tsp.gate);
    RawHttp.Answer answer = outliveTheGrace(server, tsp.gate,
        http -> http.request("POST", TOKENS, Handlers.CREATE_TOKEN, "x-request-id", "outlives"));
    assertRetryable(SpecId.TSP, answer);
    assertEquals("outlives", answer.header("x-request-id"));
    assertEquals(1, tsp.gate.entered.get());
    assertEquals(0, tsp.gate.finished.get(), "the handler was neither waited for nor interrupted");
  }

  @Test
  void patStopReturnsWithinTheGraceAndTheRunningCallGetsTheRetryableAnswer() throws Exception {
    Handlers.Pat pat = new Handlers.Pat();
    TokenSdkServer server = start(TokenSdkServer.builder().mount(pat), pat.gate);
    RawHttp.Answer answer = outliveTheGrace(server, pat.gate, http -> http.request("POST", PAT_STATE, PAT_BODY));
    assertRetryable(SpecId.PAT, answer);
  }

  @Test
  void aRetryOfACreateTokenThatOutlivedTheGraceGetsItsOutcomeAndCreatesNoSecondToken() throws Exception {
    WatchedStore store = new WatchedStore();
    MountOptions shared = MountOptions.builder().dedupeStore(store).duplicateWait(Duration.ofSeconds(20)).build();
    Handlers.Tsp first = new Handlers.Tsp();
    Handlers.Tsp second = new Handlers.Tsp();
    TokenSdkServer stopping = start(TokenSdkServer.builder().mount(first, shared), first.gate);
    TokenSdkServer other = start(TokenSdkServer.builder().mount(second, shared), second.gate);

    RawHttp.Answer refused = outliveTheGrace(stopping, first.gate,
        http -> http.request("POST", TOKENS, Handlers.CREATE_TOKEN, "x-request-id", "token-once"));
    assertRetryable(SpecId.TSP, refused);

    Future<RawHttp.Answer> retry = clients.submit(() -> {
      try (RawHttp http = new RawHttp(other.port())) {
        return http.request("POST", TOKENS, Handlers.CREATE_TOKEN, "x-request-id", "token-once").read();
      }
    });
    // the retry finds the first delivery's claim still held: it waits for its outcome instead of running again
    store.awaitInProgress();
    first.gate.open();
    RawHttp.Answer replayed = retry.get(20, TimeUnit.SECONDS);
    assertEquals(200, replayed.status(), replayed.toString());
    assertTrue(replayed.body().contains("\"tokenId\":\"tok-1\""), replayed.body());
    assertEquals(1, first.gate.finished.get(), "the first handler was not interrupted: it finished and was recorded");
    assertEquals(0, second.gate.entered.get(), "the retry did not run the handler a second time");
  }

  /** Holds a handler, stops the server, and returns what its caller got; fails if stop() waits past its bound. */
  private RawHttp.Answer outliveTheGrace(TokenSdkServer server, Handlers.Gate gate, Request request)
      throws Exception {
    gate.close();
    CompletableFuture<RawHttp> connection = new CompletableFuture<>();
    Future<RawHttp.Answer> call = clients.submit(() -> {
      RawHttp http = new RawHttp(server.port());
      connection.complete(http);
      request.send(http);
      return http.read();
    });
    gate.awaitEntered(1);
    Future<?> stop = clients.submit(server::stop);
    // a stop that waited for the handler would wait for the gate's 20 s
    stop.get(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    RawHttp.Answer answer = call.get(5, TimeUnit.SECONDS);
    try (RawHttp http = connection.get()) {
      assertEquals("close", answer.header("connection"), answer.toString());
      assertTrue(http.closedCleanly(), "the connection is closed with a FIN after the answer, not reset");
    }
    return answer;
  }

  private TokenSdkServer start(TokenSdkServer.Builder builder, Handlers.Gate gate) throws IOException {
    gates.add(gate);
    TokenSdkServer server = builder.bindAddress(InetAddress.getLoopbackAddress()).port(0).workerThreads(2)
        .stopGrace(GRACE).build().start();
    servers.add(server);
    return server;
  }

  /** The answer is the API's retryable answer, as its spec's conventions define it, with Retry-After. */
  private static void assertRetryable(SpecId spec, RawHttp.Answer answer) {
    ApiConventions conventions = ApiConventions.of(spec);
    String code = conventions.codeField().filter(field -> !answer.body().isEmpty())
        .map(field -> JsonParser.parseString(answer.body()).getAsJsonObject().get(field))
        .map(JsonElement::getAsString).orElse(null);
    assertTrue(conventions.retryable(answer.status(), code), "not the " + spec + " retryable answer: " + answer);
    assertEquals("1", answer.header("retry-after"), answer.toString());
  }

  /** Sends one request on a connection. */
  private interface Request {
    void send(RawHttp http) throws IOException;
  }

  /** An in-memory store shared by two servers (as a JDBC or Redis store would be), telling when a claim is busy. */
  private static final class WatchedStore extends ForwardingDedupeStore {
    private final Semaphore inProgress = new Semaphore(0);

    @Override
    public Claim claim(String key, String fingerprint, String owner, Duration lease) {
      Claim claim = super.claim(key, fingerprint, owner, lease);
      if (claim.state() == Claim.State.IN_PROGRESS) {
        inProgress.release();
      }
      return claim;
    }

    void awaitInProgress() throws InterruptedException {
      assertTrue(inProgress.tryAcquire(10, TimeUnit.SECONDS), "the retry never found the first claim in progress");
    }
  }
}
