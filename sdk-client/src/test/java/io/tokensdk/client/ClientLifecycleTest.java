package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.tsp.TspClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Clients over real HTTP: close(), a caller's OkHttpClient, async calls on an executor, scheduled retries, JVM exit. */
@ExtendWith(SecretLog.class)
class ClientLifecycleTest {
  private static final String BASE = "/tsp/trapi/v1.0";
  @AutoClose
  private final MockWebServer server = Loopback.server();

  /** Waits, at most 30 s, until {@code condition} holds. */
  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(5);
    }
  }

  private ClientConfig.Builder config() {
    return ClientConfig.builder(server.url(BASE).toString()).httpLog(SecretLog.sink());
  }

  @Test
  void aBurstOfConcurrentCallsFindsTheConnectionsOfThePreviousBurstOpen() throws Exception {
    // more than OkHttp's default of 5 idle connections, within the SDK's default
    int burst = 10;
    ClientConfig config = config().build();
    List<RecordedRequest> second = twoBursts(new TspClient(config), config, burst, burst);
    assertTrue(second.stream().allMatch(request -> request.getSequenceNumber() > 0),
        "a call of the second burst opened a connection");
  }

  @Test
  void aSmallerPoolClosesTheIdleConnectionsBeyondItsSize() throws Exception {
    int burst = 10;
    ClientConfig config = config().maxIdleConnections(2).build();
    List<RecordedRequest> second = twoBursts(new TspClient(config), config, burst, 2);
    assertEquals(burst - 2, second.stream().filter(request -> request.getSequenceNumber() == 0).count(),
        "connections opened by the second burst");
  }

  @Test
  void thePoolSizeIsTheCallersWhenTheCallerGivesTheOkHttpClient() {
    ClientConfig.Builder both = config().httpClient(new OkHttpClient()).maxIdleConnections(4);
    assertThrows(IllegalStateException.class, both::build);
    assertThrows(IllegalArgumentException.class, () -> config().maxIdleConnections(-1));
  }

  /**
   * Two bursts of {@code burst} healthChecks, each call held by the server until all of its burst have arrived, so
   * that each burst needs {@code burst} connections at once; the second starts once the pool has settled at
   * {@code idleAfter} idle connections. Returns the requests of the second burst.
   */
  private List<RecordedRequest> twoBursts(TspClient tsp, ClientConfig config, int burst, int idleAfter)
      throws Exception {
    AtomicReference<CountDownLatch> arrived = new AtomicReference<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        CountDownLatch all = arrived.get();
        all.countDown();
        all.await(30, TimeUnit.SECONDS);
        return new MockResponse().setResponseCode(204);
      }
    });
    ExecutorService callers = Executors.newFixedThreadPool(burst);
    try {
      List<RecordedRequest> requests = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        arrived.set(new CountDownLatch(burst));
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
          calls.add(CompletableFuture.runAsync(tsp::healthCheck, callers));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        requests.clear();
        for (int i = 0; i < burst; i++) {
          requests.add(server.takeRequest(30, TimeUnit.SECONDS));
        }
        if (round == 0) {
          awaitTrue(() -> config.httpClient().connectionPool().idleConnectionCount() == idleAfter,
              "the pool keeps " + idleAfter + " idle connections");
        }
      }
      return requests;
    } finally {
      callers.shutdownNow();
      tsp.close();
    }
  }

  @Test
  void closeRefusesNewCallsAndClosesTheIdleConnectionsOfItsOwnPool() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    ClientConfig config = config().build();
    TspClient tsp = new TspClient(config);
    tsp.healthCheck();
    assertEquals(1, config.httpClient().connectionPool().idleConnectionCount());

    tsp.close();
    tsp.close();

    assertEquals(0, config.httpClient().connectionPool().connectionCount());
    assertThrows(IllegalStateException.class, tsp::healthCheck);
    ExecutionException failed = assertThrows(ExecutionException.class, () -> tsp.healthCheckAsync().get());
    assertInstanceOf(IllegalStateException.class, failed.getCause());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void closeEndsACallWaitingForItsRetryWithItsLastFailure() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(204));
    FakeTiming timing = new FakeTiming().holdScheduled();
    TspClient tsp = new TspClient(config().timing(timing).build());
    CompletableFuture<Void> call = tsp.healthCheckAsync();
    awaitTrue(() -> timing.heldCount() > 0 || call.isDone(), "the retry was scheduled");
    tsp.close();
    timing.releaseHeld();
    ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
    TspApiException last = assertInstanceOf(TspApiException.class, failed.getCause());
    assertEquals(503, last.httpStatus());
    assertEquals(1, last.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCallersOkHttpClientSharesItsPoolAndKeepsItsInterceptors() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(204));
    OkHttpClient callers = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("x-caller", "yes").build()))
        .build();
    try (okhttp3.Response own = callers.newCall(new okhttp3.Request.Builder().url(server.url("/own")).build()).execute()) {
      assertEquals(204, own.code());
    }
    TspClient tsp = new TspClient(config().httpClient(callers).build());
    tsp.healthCheck();

    server.takeRequest();
    RecordedRequest sdk = server.takeRequest();
    assertEquals(1, sdk.getSequenceNumber(), "the SDK's request reused the caller's pooled connection");
    assertEquals("yes", sdk.getHeader("x-caller"));
    assertEquals(1, callers.connectionPool().connectionCount());

    tsp.close();
    assertEquals(1, callers.connectionPool().idleConnectionCount(), "close() leaves the caller's pool alone");
  }

  @Test
  void asyncCallsRunOnTheCallersExecutor() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "callers-thread"));
    try {
      List<String> threads = new ArrayList<>();
      TspClient tsp = new TspClient(config().executor(task -> {
        tasks.incrementAndGet();
        pool.execute(task);
      }).listener(e -> threads.add(Thread.currentThread().getName())).build());
      assertNull(tsp.healthCheckAsync().get(10, TimeUnit.SECONDS));
      assertEquals(1, tasks.get());
      assertEquals(List.of("callers-thread"), threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDefaultExecutorUsesABoundedNumberOfDaemonThreads() throws Exception {
    int calls = ClientConfig.DEFAULT_ASYNC_THREADS * 2 + 3;
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        release.await(30, TimeUnit.SECONDS);
        inFlight.decrementAndGet();
        return new MockResponse().setResponseCode(204);
      }
    });
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    TspClient tsp = new TspClient(config().listener(e -> threads.add(Thread.currentThread())).build());
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      futures.add(tsp.healthCheckAsync());
    }
    awaitTrue(() -> server.getRequestCount() >= ClientConfig.DEFAULT_ASYNC_THREADS, "the pool's threads are busy");
    release.countDown();
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);

    assertEquals(calls, server.getRequestCount());
    assertTrue(maxInFlight.get() <= ClientConfig.DEFAULT_ASYNC_THREADS, "in flight at once: " + maxInFlight.get());
    assertTrue(threads.size() <= ClientConfig.DEFAULT_ASYNC_THREADS, "threads: " + threads.size());
    assertTrue(threads.stream().allMatch(Thread::isDaemon), "daemon threads only");
    assertTrue(threads.stream().allMatch(t -> t.getName().startsWith("tokensdk-async-")));
  }

  @Test
  void anAsyncRetryIsScheduledAndHoldsNoThreadMeanwhile() throws Exception {
    server.setDispatcher(new Dispatcher() {
      private final AtomicInteger slowCalls = new AtomicInteger();

      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().endsWith("/healthCheck") && slowCalls.getAndIncrement() == 0) {
          return new MockResponse().setResponseCode(503);
        }
        return new MockResponse().setResponseCode(204).setHeader("x-path", request.getPath());
      }
    });
    FakeTiming timing = new FakeTiming().holdScheduled();
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      TspClient tsp = new TspClient(config().executor(single).timing(timing).build());
      CallInfo first = new CallInfo();
      CompletableFuture<Void> retried = tsp.healthCheckAsync(RequestOptions.builder().callInfo(first).build());
      awaitTrue(() -> timing.heldCount() > 0, "the retry was scheduled");
      // The only thread of the executor is free while the first call waits for its retry: a second call completes.
      tsp.updateTokenStateAsync(WireCases.TOKEN, new io.tokensdk.model.tsp.UpdateTokenStateReq()
          .issuerId(WireCases.ISSUER).newState(io.tokensdk.model.tsp.State.ACTIVE)).get(10, TimeUnit.SECONDS);
      assertFalse(retried.isDone());

      timing.releaseHeld();
      retried.get(10, TimeUnit.SECONDS);
      assertEquals(2, first.attempts());
      assertEquals(3, server.getRequestCount());
      assertEquals(1, timing.waits().size());
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void aMainThatMakesAsyncCallsExitsAtOnce() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setResponseCode(204));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        AsyncMain.class.getName(), server.url(BASE).toString()).redirectErrorStream(true).start();
    boolean exited = process.waitFor(45, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(exited, "the JVM did not exit after main returned: " + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("attempts=2"), output);
    assertEquals(2, server.getRequestCount());
  }

  /** Makes an async call that is retried once, prints its attempts and returns from main without closing anything. */
  public static final class AsyncMain {
    public static void main(String[] args) throws Exception {
      TspClient tsp = new TspClient(ClientConfig.builder(args[0]).callDeadline(Duration.ofSeconds(20)).build());
      CallInfo info = new CallInfo();
      tsp.healthCheckAsync(RequestOptions.builder().callInfo(info).build()).get();
      System.out.println("attempts=" + info.attempts());
    }
  }
}
