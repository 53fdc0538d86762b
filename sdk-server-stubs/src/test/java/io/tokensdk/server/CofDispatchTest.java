package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.model.cof.BindingCreationNotification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The COF API over real HTTP: API keys, error statuses, headers and dedupe by x-correlation-id. */
class CofDispatchTest extends ServerFixture {
  private static final String CREATION = "/notify-binding-creation";

  @Test
  void successIs204WithoutBodyAndEchoesCorrelationId() throws Exception {
    Http.Reply reply = cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "corr-1");
    assertEquals(204, reply.code());
    assertEquals("", reply.body());
    assertEquals("corr-1", reply.header("x-correlation-id"));
    Recorder.Call call = COF.calls.get(0);
    assertEquals("corr-1", call.context().correlationId().orElseThrow());
    assertEquals("OTP_SMS", ((BindingCreationNotification) call.body()).getSelectedIdvMethodAsString());
  }

  @Test
  void missingOrWrongApiKeyIs401() throws Exception {
    assertEquals(401, cof(CREATION, Samples.bindingCreation(), "authorization", null).code());
    assertEquals(401, cof(CREATION, Samples.bindingCreation(), "authorization", "APIKEY wrong").code());
    assertEquals(401, cof(CREATION, Samples.bindingCreation(), "authorization", "Basic " + Samples.API_KEY).code());
    assertEquals(401, cof(CREATION, Samples.bindingCreation(), "authorization", "APIKEY").code());
    Http.Reply reply = cof(CREATION, Samples.bindingCreation(), "authorization", "APIKEY x", "x-correlation-id", "c9");
    assertEquals("c9", reply.header("x-correlation-id"));
    assertEquals("", reply.body());
    assertTrue(COF.calls.isEmpty());
  }

  @Test
  void keysRotate() throws Exception {
    AtomicReference<List<String>> keys = new AtomicReference<>(List.of("old-key"));
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder().mount(new TestHandlers.Cof(new Recorder()),
        MountOptions.builder().apiKeys(ApiKeys.rotating(keys::get)).build()).build();
    try (ServletHost rotating = ServletHost.start(dispatcher)) {
      Http client = new Http(rotating.url());
      Callable<Integer> withOld = () -> send(client, "old-key");
      Callable<Integer> withNew = () -> send(client, "new-key");
      assertEquals(204, withOld.call());
      assertEquals(401, withNew.call());
      keys.set(List.of("old-key", "new-key"));
      assertEquals(204, withOld.call());
      assertEquals(204, withNew.call());
      keys.set(List.of("new-key"));
      assertEquals(401, withOld.call());
      assertEquals(204, withNew.call());
      client.close();
    }
    ApiKeys fixed = ApiKeys.of("k1", "k2");
    assertTrue(fixed.matches("k2"));
    assertTrue(!fixed.matches("k3") && !fixed.matches(null) && !fixed.matches("k1 "));
  }

  private static int send(Http client, String key) throws Exception {
    return client.send("POST", "/tsh-cof" + CREATION, Samples.bindingCreation(), "authorization", "APIKEY " + key,
        "x-correlation-id", java.util.UUID.randomUUID().toString()).code();
  }

  @Test
  void aCofMountWithoutKeysIsRefused() {
    assertThrows(IllegalStateException.class,
        () -> TokenSdkDispatcher.builder().mount(new TestHandlers.Cof(new Recorder())));
  }

  @Test
  void invalidRequestsAre400WithoutBody() throws Exception {
    Http.Reply missing = cof(CREATION, "{\"tokenId\":\"t1\"}");
    assertEquals(400, missing.code());
    assertEquals("", missing.body());
    assertEquals(400, cof(CREATION, "{not json").code());
    assertEquals(400, cof(CREATION, Samples.bindingCreation().replace("OTP_SMS", "CARRIER_PIGEON")).code());
    assertEquals(400, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "c".repeat(37)).code());
    assertEquals(400, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", null).code());
    assertTrue(COF.calls.isEmpty());
  }

  @Test
  void typedErrorsKeepTheirStatusAndRetryAfter() throws Exception {
    COF.on("notifyBindingCreation", () -> {
      throw new CofErrorException(429, Duration.ofSeconds(30));
    });
    Http.Reply reply = cof(CREATION, Samples.bindingCreation());
    assertEquals(429, reply.code());
    assertEquals("30", reply.header("Retry-After"));
    COF.on("notifyBindingCreation", () -> {
      throw new CofErrorException(404);
    });
    assertEquals(404, cof(CREATION, Samples.bindingCreation()).code());
    assertThrows(IllegalArgumentException.class, () -> new CofErrorException(418));
  }

  @Test
  void unexpectedExceptionIs500WithoutBody() throws Exception {
    COF.on("notifyBindingCreation", () -> {
      throw new RuntimeException("secret");
    });
    Http.Reply reply = cof(CREATION, Samples.bindingCreation());
    assertEquals(500, reply.code());
    assertEquals("", reply.body());
  }

  @Test
  void aDuplicateGetsTheSameAnswerWithoutReachingTheHandler() throws Exception {
    assertEquals(204, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "dup-1").code());
    Http.Reply again = cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "dup-1");
    assertEquals(204, again.code());
    assertEquals("dup-1", again.header("x-correlation-id"));
    assertEquals(1, COF.count("notifyBindingCreation"));
  }

  @Test
  void aFailedNotificationIsNotRememberedSoItsRetryRunsAgain() throws Exception {
    COF.on("notifyBindingCreation", () -> {
      throw new IllegalStateException("db down");
    });
    assertEquals(500, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "retry-1").code());
    COF.on("notifyBindingCreation", () -> {
      throw new CofErrorException(503, Duration.ofSeconds(2));
    });
    assertEquals(503, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "retry-1").code());
    COF.on("notifyBindingCreation", () -> {
      throw new RetryLaterException(Duration.ofSeconds(30));
    });
    Http.Reply later = cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "retry-1");
    assertEquals(503, later.code());
    assertEquals("30", later.header("Retry-After"));
    COF.on("notifyBindingCreation", () -> null);
    assertEquals(204, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "retry-1").code());
    assertEquals(204, cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "retry-1").code());
    assertEquals(4, COF.count("notifyBindingCreation"));
  }

  @Test
  void concurrentDuplicatesRunTheHandlerOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    COF.on("notifyBindingCreation", () -> {
      entered.countDown();
      release.await(10, TimeUnit.SECONDS);
      return null;
    });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Integer> send = () -> cof(CREATION, Samples.bindingCreation(), "x-correlation-id", "conc-1").code();
      Future<Integer> first = pool.submit(send);
      assertTrue(entered.await(10, TimeUnit.SECONDS));
      List<Future<Integer>> duplicates = List.of(pool.submit(send), pool.submit(send), pool.submit(send));
      Thread.sleep(200);
      assertEquals(1, COF.count("notifyBindingCreation"));
      release.countDown();
      assertEquals(204, first.get(10, TimeUnit.SECONDS));
      for (Future<Integer> duplicate : duplicates) {
        assertEquals(204, duplicate.get(10, TimeUnit.SECONDS));
      }
      assertEquals(1, COF.count("notifyBindingCreation"));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void aDuplicateThatOutwaitsTheFirstDeliveryGets503() throws Exception {
    Recorder recorder = new Recorder();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    recorder.on("notifyBindingCreation", () -> {
      entered.countDown();
      return release.await(10, TimeUnit.SECONDS);
    });
    MountOptions options = MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY))
        .dedupeStore(new InMemoryDedupeStore()).duplicateWait(Duration.ofMillis(100)).build();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (ServletHost busy = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.Cof(recorder), options).build())) {
      Http client = new Http(busy.url());
      Callable<Http.Reply> send = () -> client.send("POST", "/tsh-cof" + CREATION, Samples.bindingCreation(),
          "authorization", "APIKEY " + Samples.API_KEY, "x-correlation-id", "slow-1");
      Future<Http.Reply> first = pool.submit(send);
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      Http.Reply duplicate = send.call();
      assertEquals(503, duplicate.code());
      assertEquals("1", duplicate.header("Retry-After"));
      release.countDown();
      assertEquals(204, first.get(5, TimeUnit.SECONDS).code());
      assertEquals(204, send.call().code());
      assertEquals(1, recorder.count("notifyBindingCreation"));
      client.close();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}
