package io.tokensdk.server.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.DedupeStore.Claim.State;
import io.tokensdk.server.DedupeStoreException;
import io.tokensdk.server.ServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DedupeStore} must have, run against the in-memory store and each shared store alike.
 * Extend it, build the store under test in {@link #newStore}, and the engine-down case in {@link #storeWhoseEngineIsDown}.
 * Waits are bounded and nothing asserts a duration: a wait that should end but does not fails after {@link #BOUND}.
 */
public abstract class DedupeStoreContract {
  /** How long a wait that must end may take before the test fails. */
  protected static final Duration BOUND = Duration.ofSeconds(20);
  private static final Duration LONG_LEASE = Duration.ofMinutes(5);
  private static final Duration SHORT = Duration.ofMillis(300);

  private final List<DedupeStore> opened = new ArrayList<>();
  private DedupeStore store;
  private String prefix;

  /**
   * A new store on the engine under test that keeps answers for {@code retention}. Stores built for one test share the
   * engine; every test uses keys of its own.
   */
  protected abstract DedupeStore newStore(Duration retention) throws Exception;

  /**
   * A store that worked and whose engine has since stopped (or cannot be reached), or null when the store has no
   * engine that can be down (in memory). The contract closes it.
   */
  protected abstract DedupeStore storeWhoseEngineIsDown() throws Exception;

  /** Closes a store built by this class, if it holds resources. */
  protected void close(DedupeStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open(Duration.ofHours(24));
    prefix = getClass().getSimpleName() + ":" + UUID.randomUUID() + ":";
  }

  @AfterEach
  void closeStores() throws Exception {
    for (DedupeStore each : opened) {
      close(each);
    }
    opened.clear();
  }

  private DedupeStore open(Duration retention) throws Exception {
    DedupeStore created = newStore(retention);
    opened.add(created);
    return created;
  }

  private String key(String name) {
    return prefix + name;
  }

  @Test
  void theFirstClaimAcquiresAndAnotherFindsItInProgress() {
    assertEquals(State.ACQUIRED, store.claim(key("a"), "f1", "o1", LONG_LEASE).state());
    DedupeStore.Claim again = store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertEquals(State.IN_PROGRESS, again.state());
    assertNull(again.response());
  }

  @Test
  void aCompletedClaimIsDoneWithItsAnswer() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertTrue(store.complete(key("a"), "o1", ServerResponse.json(201, "{\"tokenId\":\"t-1\"}")));
    DedupeStore.Claim done = store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertEquals(State.DONE, done.state());
    assertEquals(201, done.response().status());
    assertEquals("{\"tokenId\":\"t-1\"}", new String(done.response().body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void anotherFingerprintIsAConflictInFlightAndWhenDone() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertEquals(State.CONFLICT, store.claim(key("a"), "f2", "o1", LONG_LEASE).state());
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    assertEquals(State.CONFLICT, store.claim(key("a"), "f2", "o1", LONG_LEASE).state());
    assertEquals(State.DONE, store.claim(key("a"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void keysAreIndependent() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertEquals(State.ACQUIRED, store.claim(key("b"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void aReleasedClaimCanBeClaimedAgain() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertTrue(store.release(key("a"), "o1"));
    assertEquals(State.ACQUIRED, store.claim(key("a"), "f2", "o2", LONG_LEASE).state());
  }

  @Test
  void releaseAndCompleteLeaveADoneAnswerAlone() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    assertFalse(store.release(key("a"), "o1"));
    assertFalse(store.complete(key("a"), "o1", ServerResponse.empty(500)));
    DedupeStore.Claim done = store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertEquals(State.DONE, done.state());
    assertEquals(204, done.response().status());
  }

  @Test
  void completeAndReleaseOfAnUnknownKeyChangeNothing() {
    assertFalse(store.complete(key("never-claimed"), "o1", ServerResponse.empty(204)));
    assertFalse(store.release(key("never-claimed-either"), "o1"));
    assertEquals(State.ACQUIRED, store.claim(key("never-claimed"), "f1", "o1", LONG_LEASE).state());
    assertEquals(State.ACQUIRED, store.claim(key("never-claimed-either"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void anExpiredLeaseCanBeClaimedAgainByTheRedelivery() throws Exception {
    assertEquals(State.ACQUIRED, store.claim(key("a"), "f1", "o1", SHORT).state());
    assertEquals(State.ACQUIRED, eventually(() -> store.claim(key("a"), "f1", "o2", LONG_LEASE).state(), State.ACQUIRED));
    assertEquals(State.IN_PROGRESS, store.claim(key("a"), "f1", "o3", LONG_LEASE).state());
  }

  @Test
  void onlyTheOwnerCompletesOrReleasesAClaim() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    assertFalse(store.complete(key("a"), "o2", ServerResponse.empty(500)));
    assertFalse(store.release(key("a"), "o2"));
    assertEquals(State.IN_PROGRESS, store.claim(key("a"), "f1", "o3", LONG_LEASE).state());
    assertTrue(store.complete(key("a"), "o1", ServerResponse.empty(204)));
    assertEquals(204, store.claim(key("a"), "f1", "o3", LONG_LEASE).response().status());
  }

  @Test
  void aHandlerThatOutlivedItsLeaseCannotCompleteTheNextDeliverysClaim() throws Exception {
    store.claim(key("a"), "f1", "late", SHORT);
    assertEquals(State.ACQUIRED, eventually(() -> store.claim(key("a"), "f1", "next", LONG_LEASE).state(),
        State.ACQUIRED));
    assertFalse(store.complete(key("a"), "late", ServerResponse.json(201, "{\"tokenId\":\"first\"}")));
    assertEquals(State.IN_PROGRESS, store.claim(key("a"), "f1", "third", LONG_LEASE).state(),
        "the next delivery's claim still holds");
    assertTrue(store.complete(key("a"), "next", ServerResponse.json(201, "{\"tokenId\":\"second\"}")));
    assertEquals("{\"tokenId\":\"second\"}", new String(store.claim(key("a"), "f1", "third", LONG_LEASE).response()
        .body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aHandlerThatOutlivedItsLeaseCannotReleaseTheNextDeliverysClaim() throws Exception {
    store.claim(key("a"), "f1", "late", SHORT);
    assertEquals(State.ACQUIRED, eventually(() -> store.claim(key("a"), "f1", "next", LONG_LEASE).state(),
        State.ACQUIRED));
    assertFalse(store.release(key("a"), "late"));
    assertEquals(State.IN_PROGRESS, store.claim(key("a"), "f1", "third", LONG_LEASE).state(),
        "a third delivery must not run beside the next one");
  }

  @Test
  void answersAreForgottenAfterTheRetention() throws Exception {
    DedupeStore shortLived = open(Duration.ofMillis(500));
    shortLived.claim(key("a"), "f1", "o1", LONG_LEASE);
    shortLived.complete(key("a"), "o1", ServerResponse.empty(204));
    assertEquals(State.DONE, shortLived.claim(key("a"), "f1", "o1", LONG_LEASE).state());
    assertEquals(State.ACQUIRED, eventually(() -> shortLived.claim(key("a"), "f1", "o1", LONG_LEASE).state(), State.ACQUIRED));
  }

  @Test
  void theRetentionStartsWhenTheAnswerIsStoredNotWithTheLease() throws Exception {
    store.claim(key("a"), "f1", "o1", SHORT);
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    CompletableFuture<Void> pastTheLease = CompletableFuture.runAsync(() -> { },
        CompletableFuture.delayedExecutor(SHORT.toMillis() * 3, TimeUnit.MILLISECONDS));
    pastTheLease.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(State.DONE, store.claim(key("a"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void theAnswerIsReplayedByteForByte() {
    byte[] body = new byte[256 * 4];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", ServerResponse.JSON);
    headers.put("x-request-id", "req-é-✓");
    headers.put("Retry-After", "");
    headers.put("A-Last", "z");
    ServerResponse answer = new ServerResponse(201, headers, body);

    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    store.complete(key("a"), "o1", answer);
    DedupeStore other = sharedView();
    ServerResponse replayed = other.claim(key("a"), "f1", "o1", LONG_LEASE).response();
    assertNotNull(replayed);
    assertEquals(201, replayed.status());
    assertEquals(new ArrayList<>(headers.entrySet()), new ArrayList<>(replayed.headers().entrySet()));
    assertArrayEquals(body, replayed.body());
    assertArrayEquals(answer.encode(), replayed.encode());
  }

  @Test
  void anEmptyBodyIsReplayedEmpty() {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    ServerResponse replayed = store.claim(key("a"), "f1", "o1", LONG_LEASE).response();
    assertEquals(0, replayed.bodyLength());
    assertEquals(Map.of(), replayed.headers());
  }

  @Test
  void exactlyOneOfManyConcurrentClaimsAcquires() throws Exception {
    int threads = 16;
    DedupeStore[] stores = {store, sharedView()};
    for (int round = 0; round < 5; round++) {
      String k = key("race-" + round);
      CyclicBarrier start = new CyclicBarrier(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<State>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          DedupeStore each = stores[i % 2];
          results.add(pool.submit(() -> {
            start.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            return each.claim(k, "f1", "o1", LONG_LEASE).state();
          }));
        }
        int acquired = 0;
        for (Future<State> result : results) {
          State state = result.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
          assertTrue(state == State.ACQUIRED || state == State.IN_PROGRESS, state::toString);
          acquired += state == State.ACQUIRED ? 1 : 0;
        }
        assertEquals(1, acquired, "round " + round);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aWaiterIsWokenByCompletion() throws Exception {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    CompletableFuture<Void> waiting = sharedView().awaitChange(key("a"), BOUND.multipliedBy(3));
    assertFalse(waiting.isDone());
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    waiting.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(State.DONE, store.claim(key("a"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void aWaiterIsWokenByRelease() throws Exception {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    CompletableFuture<Void> waiting = sharedView().awaitChange(key("a"), BOUND.multipliedBy(3));
    assertFalse(waiting.isDone());
    store.release(key("a"), "o1");
    waiting.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(State.ACQUIRED, store.claim(key("a"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void manyWaitersOnOneKeyAreAllWoken() throws Exception {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    DedupeStore other = sharedView();
    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      waiting.add((i % 2 == 0 ? store : other).awaitChange(key("a"), BOUND.multipliedBy(3)));
    }
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void aWaitIsBoundedByMaxWait() throws Exception {
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    store.awaitChange(key("a"), SHORT).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(State.IN_PROGRESS, store.claim(key("a"), "f1", "o1", LONG_LEASE).state());
  }

  @Test
  void aWaitIsBoundedByTheLease() throws Exception {
    store.claim(key("a"), "f1", "o1", SHORT);
    sharedView().awaitChange(key("a"), BOUND.multipliedBy(3)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(State.ACQUIRED, eventually(() -> store.claim(key("a"), "f1", "o1", LONG_LEASE).state(), State.ACQUIRED));
  }

  @Test
  void awaitingAKeyThatIsNotInFlightReturnsAtOnce() throws Exception {
    store.awaitChange(key("unknown"), BOUND.multipliedBy(3)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    store.claim(key("a"), "f1", "o1", LONG_LEASE);
    store.complete(key("a"), "o1", ServerResponse.empty(204));
    store.awaitChange(key("a"), BOUND.multipliedBy(3)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void aStoreWhoseEngineIsDownThrowsTheTypedExceptionAndNamesNoKey() throws Exception {
    DedupeStore down = storeWhoseEngineIsDown();
    assumeTrue(down != null, "this store has no engine that can be down");
    opened.add(down);
    String secretish = key("4111111111111111");
    DedupeStoreException claim = assertThrows(DedupeStoreException.class,
        () -> down.claim(secretish, "f1", "o1", LONG_LEASE));
    assertThrows(DedupeStoreException.class, () -> down.complete(secretish, "o1", ServerResponse.empty(204)));
    assertThrows(DedupeStoreException.class, () -> down.release(secretish, "o1"));
    assertFalse(String.valueOf(claim.getMessage()).contains("4111111111111111"), claim::getMessage);
    // a waiter is not failed by the engine: it returns, and its next claim reports the failure
    down.awaitChange(secretish, BOUND.multipliedBy(3)).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Another store instance on the same engine (another server instance), or this one for a store that cannot be
   * shared.
   */
  protected DedupeStore sharedView() {
    try {
      return isShared() ? open(Duration.ofHours(24)) : store;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether two stores built by {@link #newStore} see the same keys (false for the in-memory store). */
  protected boolean isShared() {
    return true;
  }

  private <T> T eventually(java.util.function.Supplier<T> probe, T wanted) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    T last = probe.get();
    while (!last.equals(wanted) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      last = probe.get();
    }
    return last;
  }
}
