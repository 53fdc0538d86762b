package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.tokensdk.client.CallInfo;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.RequestOptions;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.TokenInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every mutating TSP operation is deduplicated on x-request-id, over real HTTP (Jetty and the servlet adapter). */
class TspIdempotencyTest {
  private static final String CREATE = Samples.BODIES.get("createToken");
  private static final String TOKENS = "/tsp/trapi/v1.0/tokens";

  /** A TSP whose createToken issues a new token on every run, so that a second run is visible. */
  private static TestHandlers.FullTsp issuing(Recorder recorder, AtomicInteger issued, Duration slowness) {
    recorder.on("createToken", () -> {
      String token = "tok-" + issued.incrementAndGet();
      Thread.sleep(slowness.toMillis());
      return new CreateTokenRes().tokenId(token).tokenInfo(new TokenInfo());
    });
    return new TestHandlers.FullTsp(recorder);
  }

  @Test
  void aCreateTokenSlowerThanTheClientsReadTimeoutRunsOnceAndEveryAttemptGetsTheSameToken() throws Exception {
    Recorder recorder = new Recorder();
    AtomicInteger issued = new AtomicInteger();
    List<ServerEvent> events = new CopyOnWriteArrayList<>();
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder()
        .mount(issuing(recorder, issued, Duration.ofMillis(800)))
        .listener(events::add)
        .build();
    try (ServletHost host = ServletHost.start(dispatcher)) {
      ClientConfig config = ClientConfig.builder(host.url() + "/tsp/trapi/v1.0")
          .readTimeout(Duration.ofMillis(300))
          .retryPolicy(RetryPolicy.of(8, Duration.ofMillis(100), Duration.ofMillis(400)))
          .callDeadline(Duration.ofSeconds(20))
          .build();
      TspClient tsp = new TspClient(config);
      CallInfo info = new CallInfo();
      CreateTokenRes created = tsp.createToken(new CreateTokenReq().issuerId("ISSUER0001").cardRefId("card-1")
          .tokenRequestorId("40010030273"), RequestOptions.builder().requestId("double-create-1").callInfo(info).build());

      assertTrue(info.attempts() >= 2, "the first attempt must time out: " + info.attempts());
      assertEquals("tok-1", created.getTokenId());
      assertEquals(1, issued.get(), "the handler ran more than once");
      List<ServerEvent> creates = events.stream().filter(e -> "createToken".equals(e.operationId())).toList();
      assertEquals(1, creates.stream().filter(e -> e.outcome() == ServerEvent.Outcome.SUCCESS).count(), creates.toString());
      assertTrue(creates.stream().allMatch(e -> e.httpStatus() == 200
          && (e.outcome() == ServerEvent.Outcome.SUCCESS || e.outcome() == ServerEvent.Outcome.REPLAYED)), creates.toString());
      assertTrue(creates.stream().allMatch(e -> "double-create-1".equals(e.requestId())));
    }
  }

  /**
   * The first delivery's handler outlives its claim lease; the redelivery takes the key and runs. When the first then
   * fails, its release must not free the redelivery's claim: a third delivery is told to retry later instead of
   * running beside it, and afterwards gets the redelivery's answer.
   */
  @Test
  void aHandlerThatOutlivesItsLeaseCannotFreeTheClaimOfTheDeliveryAfterIt() throws Exception {
    Recorder recorder = new Recorder();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch firstEntered = new CountDownLatch(1);
    CountDownLatch secondEntered = new CountDownLatch(1);
    CountDownLatch finishFirst = new CountDownLatch(1);
    CountDownLatch finishSecond = new CountDownLatch(1);
    recorder.on("createToken", () -> {
      if (runs.incrementAndGet() == 1) {
        firstEntered.countDown();
        finishFirst.await(20, TimeUnit.SECONDS);
        throw new IllegalStateException("vault failed after the lease");
      }
      secondEntered.countDown();
      finishSecond.await(20, TimeUnit.SECONDS);
      return new CreateTokenRes().tokenId("tok-" + runs.get()).tokenInfo(new TokenInfo());
    });
    MountOptions options = MountOptions.builder().claimLease(Duration.ofMillis(200)).duplicateWait(Duration.ZERO)
        .build();
    ExecutorService callers = Executors.newFixedThreadPool(2);
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(recorder), options).build())) {
      Http http = new Http(host.url());
      Future<Http.Reply> first = callers.submit(() -> http.send("POST", TOKENS, CREATE, "x-request-id", "outlived-1"));
      assertTrue(firstEntered.await(20, TimeUnit.SECONDS));
      Future<Http.Reply> second = callers.submit(() -> {
        // busy (503) while the first delivery's lease holds; taken once it has ended
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Http.Reply reply;
        do {
          reply = http.send("POST", TOKENS, CREATE, "x-request-id", "outlived-1");
        } while (reply.code() == 503 && System.nanoTime() < deadline && sleep(50));
        return reply;
      });
      assertTrue(secondEntered.await(20, TimeUnit.SECONDS), "the redelivery never took the expired claim");

      finishFirst.countDown();
      int failed = first.get(20, TimeUnit.SECONDS).code();
      assertTrue(failed != 200 && failed != 503, "the first delivery's failure is answered as such: " + failed);
      assertEquals(503, http.send("POST", TOKENS, CREATE, "x-request-id", "outlived-1").code(),
          "a third delivery must not run while the redelivery holds the key");
      assertEquals(2, runs.get());

      finishSecond.countDown();
      Http.Reply redelivered = second.get(20, TimeUnit.SECONDS);
      assertEquals(200, redelivered.code());
      Http.Reply replayed = http.send("POST", TOKENS, CREATE, "x-request-id", "outlived-1");
      assertEquals(redelivered.body(), replayed.body());
      assertEquals(2, runs.get());
    } finally {
      finishFirst.countDown();
      finishSecond.countDown();
      callers.shutdownNow();
    }
  }

  private static boolean sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return true;
  }

  @Test
  void aRetryOfAHandledCallGetsTheFirstAnswerByteForByteWithoutRunningTheHandler() throws Exception {
    Recorder recorder = new Recorder();
    AtomicInteger issued = new AtomicInteger();
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(issuing(recorder, issued, Duration.ZERO)).build())) {
      Http http = new Http(host.url());
      Http.Reply first = http.send("POST", TOKENS, CREATE, "x-request-id", "replay-1");
      Http.Reply again = http.send("POST", TOKENS, CREATE, "x-request-id", "replay-1");
      assertEquals(200, first.code(), first.body());
      assertEquals(200, again.code());
      assertArrayEquals(first.body().getBytes(), again.body().getBytes());
      assertEquals(first.header("Content-Type"), again.header("Content-Type"));
      assertEquals(first.header("Cache-Control"), again.header("Cache-Control"));
      assertEquals("replay-1", again.header("x-request-id"));
      assertEquals(1, issued.get());
      // another id is another request
      Http.Reply other = http.send("POST", TOKENS, CREATE, "x-request-id", "replay-2");
      assertEquals("tok-2", JsonParser.parseString(other.body()).getAsJsonObject().get("tokenId").getAsString());
      // every mutating operation, not only createToken
      String state = Samples.BODIES.get("updateTokenState");
      for (int i = 0; i < 2; i++) {
        assertEquals(204, http.send("PUT", "/tsp/trapi/v1.0/tokens/t1/state", state, "x-request-id", "state-1").code());
      }
      assertEquals(1, recorder.count("updateTokenState"));
      // a GET changes nothing, so it is not deduplicated
      for (int i = 0; i < 2; i++) {
        assertEquals(204, http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "health-1").code());
      }
      assertEquals(2, recorder.count("healthCheck"));
      http.close();
    }
  }

  @Test
  void aFailedCallIsNotRememberedSoItsRetryRunsAgain() throws Exception {
    Recorder recorder = new Recorder();
    AtomicInteger runs = new AtomicInteger();
    recorder.on("createToken", () -> {
      if (runs.incrementAndGet() == 1) {
        throw new RetryLaterException(Duration.ofSeconds(1));
      }
      return new CreateTokenRes().tokenId("tok-ok").tokenInfo(new TokenInfo());
    });
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(recorder)).build())) {
      Http http = new Http(host.url());
      assertEquals(503, http.send("POST", TOKENS, CREATE, "x-request-id", "fail-1").code());
      assertEquals(200, http.send("POST", TOKENS, CREATE, "x-request-id", "fail-1").code());
      assertEquals(200, http.send("POST", TOKENS, CREATE, "x-request-id", "fail-1").code());
      assertEquals(2, runs.get());
      http.close();
    }
  }

  @Test
  void aRetryArrivingWhileTheFirstRunsWaitsForItsAnswerWithoutPolling() throws Exception {
    Recorder recorder = new Recorder();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    recorder.on("createToken", () -> {
      runs.incrementAndGet();
      entered.countDown();
      assertTrue(release.await(10, TimeUnit.SECONDS));
      return new CreateTokenRes().tokenId("tok-wait").tokenInfo(new TokenInfo());
    });
    CountingStore store = new CountingStore();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder().mount(new TestHandlers.FullTsp(recorder),
        MountOptions.builder().dedupeStore(store).duplicateWait(Duration.ofSeconds(10)).build()).build())) {
      Http http = new Http(host.url());
      Future<Http.Reply> first = pool.submit(() -> http.send("POST", TOKENS, CREATE, "x-request-id", "wait-1"));
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      Future<Http.Reply> duplicate = pool.submit(() -> http.send("POST", TOKENS, CREATE, "x-request-id", "wait-1"));
      assertTrue(store.waiting.await(5, TimeUnit.SECONDS), "the duplicate never waited");
      release.countDown();
      Http.Reply a = first.get(10, TimeUnit.SECONDS);
      Http.Reply b = duplicate.get(10, TimeUnit.SECONDS);
      assertEquals(200, a.code());
      assertEquals(200, b.code());
      assertEquals(a.body(), b.body());
      assertEquals(1, runs.get());
      // the duplicate claimed, waited once for the change, and claimed again: no polling loop
      assertEquals(3, store.claims.get());
      assertEquals(1, store.waits.get());
      http.close();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aRetryThatOutwaitsTheFirstGetsTheRetryableAnswer() throws Exception {
    Recorder recorder = new Recorder();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    recorder.on("createToken", () -> {
      entered.countDown();
      assertTrue(release.await(10, TimeUnit.SECONDS));
      return new CreateTokenRes().tokenId("tok-slow").tokenInfo(new TokenInfo());
    });
    List<ServerEvent> events = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder().mount(new TestHandlers.FullTsp(recorder),
        MountOptions.builder().duplicateWait(Duration.ofMillis(50)).build()).listener(events::add).build())) {
      Http http = new Http(host.url());
      Future<Http.Reply> first = pool.submit(() -> http.send("POST", TOKENS, CREATE, "x-request-id", "slow-1"));
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      Http.Reply duplicate = http.send("POST", TOKENS, CREATE, "x-request-id", "slow-1");
      assertEquals(503, duplicate.code(), "TSP: 503 Service Unavailable, retry possible");
      assertEquals("1", duplicate.header("Retry-After"));
      assertTrue(events.stream().anyMatch(e -> e.outcome() == ServerEvent.Outcome.DUPLICATE_IN_PROGRESS));
      release.countDown();
      assertEquals(200, first.get(10, TimeUnit.SECONDS).code());
      assertEquals(200, http.send("POST", TOKENS, CREATE, "x-request-id", "slow-1").code());
      assertEquals(1, recorder.count("createToken"));
      http.close();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void theSameIdWithAnotherRequestIsANonRetryableError() throws Exception {
    Recorder recorder = new Recorder();
    List<ServerEvent> events = new CopyOnWriteArrayList<>();
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder().mount(new TestHandlers.FullTsp(recorder))
        .listener(events::add).build())) {
      Http http = new Http(host.url());
      assertEquals(200, http.send("POST", TOKENS, CREATE, "x-request-id", "same-1").code());
      String other = CREATE.replace("card-1", "card-2");
      Http.Reply reused = http.send("POST", TOKENS, other, "x-request-id", "same-1");
      assertEquals(400, reused.code());
      var error = JsonParser.parseString(reused.body()).getAsJsonObject();
      assertEquals(112, error.get("responseCode").getAsInt());
      assertTrue(error.get("errorMessage").getAsString().contains("x-request-id"), reused.body());
      assertTrue(error.get("errorMessage").getAsString().contains("different request"), reused.body());
      // the same body on another path is another request too
      String state = Samples.BODIES.get("updateTokenState");
      assertEquals(204, http.send("PUT", "/tsp/trapi/v1.0/tokens/t1/state", state, "x-request-id", "same-2").code());
      assertEquals(400, http.send("PUT", "/tsp/trapi/v1.0/tokens/t2/state", state, "x-request-id", "same-2").code());
      assertEquals(1, recorder.count("createToken"));
      assertEquals(1, recorder.count("updateTokenState"));
      assertEquals(2, events.stream().filter(e -> e.outcome() == ServerEvent.Outcome.KEY_REUSED).count());
      http.close();
    }
  }

  @Test
  void aStoreFailureGetsTheRetryableAnswerAndTheHandlerDoesNotRun() throws Exception {
    Recorder tsp = new Recorder();
    Recorder cof = new Recorder();
    Recorder pat = new Recorder();
    CountingStore store = new CountingStore();
    store.failing = true;
    List<ServerEvent> events = new CopyOnWriteArrayList<>();
    try (ServletHost host = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(tsp), MountOptions.builder().dedupeStore(store).build())
        .mount(new TestHandlers.Cof(cof), MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY))
            .dedupeStore(store).build())
        .mount(new TestHandlers.Pat(pat), MountOptions.builder().dedupeStore(store).build())
        .listener(events::add).build())) {
      Http http = new Http(host.url());
      Http.Reply tspReply = http.send("POST", TOKENS, CREATE, "x-request-id", "down-1");
      assertEquals(503, tspReply.code());
      assertEquals("1", tspReply.header("Retry-After"));
      assertEquals(503, http.send("POST", "/tsh-cof/notify-binding-creation", Samples.bindingCreation(),
          "authorization", "APIKEY " + Samples.API_KEY, "x-correlation-id", "down-2").code());
      Http.Reply patReply = http.send("POST", "/pat/token/state/provisioned",
          Samples.provisioned(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString()));
      assertEquals(500, patReply.code());
      assertEquals("1300", JsonParser.parseString(patReply.body()).getAsJsonObject().get("statusCode").getAsString());
      assertTrue(tsp.calls.isEmpty() && cof.calls.isEmpty() && pat.calls.isEmpty(), "a handler ran without dedupe");
      assertEquals(3, events.stream().filter(e -> e.outcome() == ServerEvent.Outcome.STORE_FAILED).count());
      // GETs are not deduplicated, so they do not depend on the store
      assertEquals(204, http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "h").code());
      http.close();
    }
  }
}
