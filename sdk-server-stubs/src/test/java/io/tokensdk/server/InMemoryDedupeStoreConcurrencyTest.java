package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.server.DedupeStore.Claim.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The striped in-memory store under many threads on overlapping keys. Waits are bounded; nothing asserts a duration.
 */
class InMemoryDedupeStoreConcurrencyTest {
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final Duration LONG_LEASE = Duration.ofMinutes(5);
  private static final int THREADS = 8;

  @Test
  void exactlyOneOwnerHoldsAKeyAtATimeAndEveryAnswerIsTheOneRecorded() throws Exception {
    InMemoryDedupeStore store = new InMemoryDedupeStore();
    int keys = 16;
    Map<String, String> holders = new ConcurrentHashMap<>();
    Map<String, ServerResponse> recorded = new ConcurrentHashMap<>();
    AtomicInteger acquisitions = new AtomicInteger();
    AtomicInteger owners = new AtomicInteger();
    List<Future<Object>> workers = runTogether(THREADS, () -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      for (int i = 0; i < 20_000; i++) {
        String key = "TSP:createToken:k" + random.nextInt(keys);
        String owner = "o" + owners.incrementAndGet();
        DedupeStore.Claim claim = store.claim(key, "f", owner, LONG_LEASE);
        switch (claim.state()) {
          case ACQUIRED -> {
            acquisitions.incrementAndGet();
            assertNull(holders.putIfAbsent(key, owner), "two owners hold " + key);
            assertNull(recorded.get(key), "a done key was acquired again: " + key);
            boolean completes = random.nextInt(200) == 0;
            ServerResponse answer = ServerResponse.json(200, "{\"n\":" + i + "}");
            if (completes) {
              recorded.put(key, answer);
            }
            assertTrue(holders.remove(key, owner));
            assertTrue(completes ? store.complete(key, owner, answer) : store.release(key, owner), key);
            // a stale owner changes nothing
            assertEquals(false, store.release(key, owner));
          }
          case IN_PROGRESS -> store.awaitChange(key, Duration.ofMillis(20)).get(BOUND.toMillis(),
              TimeUnit.MILLISECONDS);
          case DONE -> assertSame(recorded.get(key), claim.response(), key);
          default -> throw new AssertionError(key + " " + claim);
        }
      }
      return null;
    });
    for (Future<?> worker : workers) {
      worker.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }
    assertTrue(acquisitions.get() >= keys / 2, "too few acquisitions to prove anything: " + acquisitions);
    for (int k = 0; k < keys; k++) {
      String key = "TSP:createToken:k" + k;
      DedupeStore.Claim claim = store.claim(key, "f", "last", LONG_LEASE);
      if (recorded.containsKey(key)) {
        assertSame(recorded.get(key), claim.response(), key);
      } else {
        assertEquals(State.ACQUIRED, claim.state(), key);
      }
    }
  }

  @Test
  void theBoundHoldsWhileManyThreadsAddKeysAndTheNewestStay() throws Exception {
    int maxEntries = 1_000;
    InMemoryDedupeStore store = new InMemoryDedupeStore(maxEntries, Duration.ofHours(1));
    AtomicBoolean adding = new AtomicBoolean(true);
    AtomicInteger largest = new AtomicInteger();
    ExecutorService watcher = Executors.newSingleThreadExecutor();
    Future<?> watching = watcher.submit(() -> {
      while (adding.get()) {
        largest.accumulateAndGet(store.size(), Math::max);
        Thread.onSpinWait();
      }
    });
    List<String> newest = new ArrayList<>();
    CyclicBarrier lastRound = new CyclicBarrier(THREADS);
    try {
      List<Future<String>> workers = runTogether(THREADS, () -> {
        String name = Thread.currentThread().getName();
        for (int i = 0; i < 2_000; i++) {
          String key = "TSP:createToken:" + name + "-" + i;
          String owner = name + "-" + i;
          assertEquals(State.ACQUIRED, store.claim(key, "f", owner, LONG_LEASE).state(), key);
          // either may find the key gone: other threads' newer keys can have evicted it meanwhile
          if (i % 5 == 0) {
            store.release(key, owner);
          } else {
            store.complete(key, owner, ServerResponse.empty(204));
          }
        }
        // once every thread has added its keys, each adds one more: these few newest must all stay
        lastRound.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        String last = "TSP:createToken:" + name + "-last";
        assertEquals(State.ACQUIRED, store.claim(last, "f", name, LONG_LEASE).state(), last);
        assertTrue(store.complete(last, name, ServerResponse.empty(204)));
        return last;
      });
      for (Future<String> worker : workers) {
        newest.add(worker.get(BOUND.toMillis(), TimeUnit.MILLISECONDS));
      }
    } finally {
      adding.set(false);
      watching.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      watcher.shutdownNow();
    }
    assertTrue(largest.get() <= maxEntries, "held " + largest);
    assertTrue(store.size() <= maxEntries, "held " + store.size());
    assertTrue(store.size() > maxEntries / 2, "evicted far too much: " + store.size());
    for (String key : newest) {
      assertEquals(State.DONE, store.claim(key, "f", "again", LONG_LEASE).state(), key);
    }
  }

  /** Runs {@code task} on {@code threads} threads released together; the futures of their results. */
  private static <T> List<Future<T>> runTogether(int threads, java.util.concurrent.Callable<T> task) {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(pool.submit(() -> {
        start.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        return task.call();
      }));
    }
    pool.shutdown();
    return futures;
  }
}
