package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.tsp.TspClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The deadline of an attempt on a real loopback connection: the watchdog cancels a call whose deadline passed, whatever
 * deadlines were watched before it, and never a call whose watch was closed.
 */
class DeadlineWatchdogTest {
  private static final Duration BOUND = Duration.ofSeconds(20);
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(1)).build();
  @AutoClose
  private final MockWebServer server = Loopback.server();

  @AfterEach
  void stop() {
    http.dispatcher().cancelAll();
  }

  @Test
  void anEarlierDeadlineWatchedAfterALaterOneIsStillKept() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    Call late = http.newCall(request());
    DeadlineWatchdog.Watch lateWatch = DeadlineWatchdog.SHARED.watch(late, TimeUnit.MINUTES.toNanos(10));
    CompletableFuture<Void> lateCall = CompletableFuture.runAsync(() -> execute(late));
    Call early = http.newCall(request());
    try (DeadlineWatchdog.Watch earlyWatch = DeadlineWatchdog.SHARED.watch(early, TimeUnit.MILLISECONDS.toNanos(300))) {
      assertTimeoutPreemptively(BOUND, () -> assertThrows(IOException.class, () -> early.execute().close()));
    }
    assertTrue(early.isCanceled());
    assertFalse(late.isCanceled(), "a call whose deadline is ahead runs on");
    assertFalse(lateCall.isDone());
    lateWatch.close();
    late.cancel();
  }

  @Test
  void aClosedWatchNeverCancelsItsCall() throws Exception {
    server.enqueue(new MockResponse().setHeadersDelay(600, TimeUnit.MILLISECONDS).setResponseCode(204));
    Call call = http.newCall(request());
    DeadlineWatchdog.SHARED.watch(call, TimeUnit.MILLISECONDS.toNanos(200)).close();
    try (Response response = assertTimeoutPreemptively(BOUND, () -> call.execute())) {
      assertEquals(204, response.code());
    }
    assertFalse(call.isCanceled());
  }

  @Test
  void everyAttemptClosesItsWatch() {
    int before = DeadlineWatchdog.SHARED.watchedCount();
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(204));
    }
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":111,\"errorMessage\":\"x\"}"));
    TspClient tsp = new TspClient(ClientConfig.builder(server.url("/tsp").toString()).build());
    for (int i = 0; i < 5; i++) {
      tsp.healthCheck();
    }
    assertThrows(TspApiException.class, tsp::healthCheck);
    assertEquals(before, DeadlineWatchdog.SHARED.watchedCount());
  }

  /**
   * Watches and closes from eight threads at once, the near deadlines among them left open: a wake-up lost between a
   * watch and the watchdog's next plan would leave one of them uncancelled.
   */
  @Test
  void deadlinesWatchedFromManyThreadsAtOnceAreAllKept() throws Exception {
    int before = DeadlineWatchdog.SHARED.watchedCount();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Call> near = Collections.synchronizedList(new ArrayList<>());
    List<Call> far = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 3_000; i++) {
            Call call = http.newCall(request());
            if (i % 100 == 7) {
              // left open: only the watchdog ends it, whatever later deadlines were planned meanwhile
              DeadlineWatchdog.SHARED.watch(call, TimeUnit.MILLISECONDS.toNanos(1 + i % 50));
              near.add(call);
            } else {
              DeadlineWatchdog.SHARED.watch(call, TimeUnit.MINUTES.toNanos(10)).close();
              far.add(call);
            }
          }
        }));
      }
      for (Future<?> thread : done) {
        thread.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTimeoutPreemptively(BOUND, () -> {
      while (!near.stream().allMatch(Call::isCanceled)) {
        Thread.sleep(10);
      }
    }, "every call whose deadline passed is cancelled");
    assertEquals(threads * 30, near.size());
    assertTrue(far.stream().noneMatch(Call::isCanceled), "no closed watch cancels its call");
    assertEquals(before, DeadlineWatchdog.SHARED.watchedCount());
  }

  @Test
  void theDeadlineCutsAnAnswerWhoseBodyTrickles() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse().setBody("{\"encryptedData\":\"" + WireCases.JWE + "\"}")
          .throttleBody(1, 1, TimeUnit.SECONDS));
    }
    TspClient tsp = new TspClient(ClientConfig.builder(server.url("/tsp").toString())
        .readTimeout(Duration.ofMinutes(1)).callDeadline(Duration.ofMillis(800)).build());
    DeadlineExceededException sync = assertTimeoutPreemptively(BOUND, () -> assertThrows(
        DeadlineExceededException.class, () -> tsp.getTokenCredentials(WireCases.ISSUER, WireCases.TOKEN)));
    assertEquals(1, sync.attempts());
    CompletionException async = assertTimeoutPreemptively(BOUND, () -> assertThrows(CompletionException.class,
        () -> tsp.getTokenCredentialsAsync(WireCases.ISSUER, WireCases.TOKEN).join()));
    assertInstanceOf(DeadlineExceededException.class, async.getCause());
  }

  private Request request() {
    return new Request.Builder().url(server.url("/")).build();
  }

  private static void execute(Call call) {
    try {
      call.execute().close();
    } catch (IOException e) {
      // cancelled at the end of the test
    }
  }
}
