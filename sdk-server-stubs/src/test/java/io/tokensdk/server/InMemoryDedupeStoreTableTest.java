package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.server.DedupeStore.Claim;
import io.tokensdk.server.DedupeStore.Claim.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's table: each stripe's index, its least-recently-used order and its slot reuse, compared with a
 * plain model of the documented semantics.
 */
class InMemoryDedupeStoreTableTest {
  private static final Duration TTL = Duration.ofMinutes(20);
  private static final Duration LONG_WAIT = Duration.ofHours(1);
  /** A waiter is followed only while its wait is this long at least: its timeout runs on the real clock. */
  private static final long FOLLOWED_WAIT = Duration.ofMinutes(2).toNanos();

  private final AtomicLong now = new AtomicLong(1_000);

  @Test
  void aSmallStripeBehavesAsTheModelOverALongRandomRun() {
    // eight keys share one String.hashCode, so probe runs are long and removals happen inside them
    compareWithModel(8, keys(6, 8), 20_000, 42);
  }

  @Test
  void aGrowingStripeBehavesAsTheModelOverALongRandomRun() {
    // 40 keys held out of 60: the stripe grows its arrays (16, 32, 40 slots) while keys come and go
    compareWithModel(40, keys(60, 8), 20_000, 7);
  }

  @Test
  void keysOfOneHashAreAllFoundAfterRemovalsInTheMiddleOfTheirRun() {
    List<String> same = collidingKeys();
    assertEquals(8, same.size());
    for (String key : same) {
      assertEquals(same.get(0).hashCode(), key.hashCode(), key);
    }
    InMemoryDedupeStore store = new InMemoryDedupeStore(16, TTL, now::get);
    Map<String, ServerResponse> answers = new LinkedHashMap<>();
    for (String key : same) {
      assertEquals(State.ACQUIRED, store.claim(key, "f", "o-" + key, TTL).state(), key);
    }
    // release the 2nd, 4th and 5th: the later keys of the run must move back, not be cut off by a hole
    for (int i : new int[] {1, 3, 4}) {
      assertTrue(store.release(same.get(i), "o-" + same.get(i)), same.get(i));
    }
    for (int i : new int[] {0, 2, 5, 6, 7}) {
      ServerResponse answer = ServerResponse.json(200, "{\"n\":" + i + "}");
      answers.put(same.get(i), answer);
      assertTrue(store.complete(same.get(i), "o-" + same.get(i), answer), same.get(i));
    }
    assertEquals(5, store.size());
    for (Map.Entry<String, ServerResponse> done : answers.entrySet()) {
      assertSame(done.getValue(), store.claim(done.getKey(), "f", "again", TTL).response(), done.getKey());
    }
    // the released keys are free again, and go back into the run
    for (int i : new int[] {1, 3, 4}) {
      assertEquals(State.ACQUIRED, store.claim(same.get(i), "f", "again", TTL).state(), same.get(i));
    }
    assertEquals(8, store.size());
    for (Map.Entry<String, ServerResponse> done : answers.entrySet()) {
      assertSame(done.getValue(), store.claim(done.getKey(), "f", "again", TTL).response(), done.getKey());
    }
  }

  @Test
  void theEldestOfCollidingKeysIsEvictedAndTheOthersStay() {
    InMemoryDedupeStore store = new InMemoryDedupeStore(3, TTL, now::get);
    ServerResponse ok = ServerResponse.empty(204);
    for (String key : List.of("Aa", "BB", "AaAa")) {
      store.claim(key, "f", "o", TTL);
      store.complete(key, "o", ok);
    }
    store.claim("Aa", "f", "o", TTL); // now the most recently used: BB is the eldest
    assertEquals(State.ACQUIRED, store.claim("BBBB", "f", "o", TTL).state());
    assertEquals(3, store.size());
    assertEquals(State.DONE, store.claim("Aa", "f", "o", TTL).state());
    assertEquals(State.DONE, store.claim("AaAa", "f", "o", TTL).state());
    assertEquals(State.IN_PROGRESS, store.claim("BBBB", "f", "o", TTL).state());
    assertEquals(State.ACQUIRED, store.claim("BB", "f", "o", TTL).state());
  }

  @Test
  void manyStripesFilledFarPastTheirBoundKeepTheNewestKeys() {
    int maxEntries = 4096;
    InMemoryDedupeStore store = new InMemoryDedupeStore(maxEntries, TTL, now::get);
    int added = 50_000;
    List<ServerResponse> answers = new ArrayList<>();
    for (int i = 0; i < added; i++) {
      String key = "TSP:createToken:k" + i;
      assertEquals(State.ACQUIRED, store.claim(key, "f", "o", TTL).state(), key);
      ServerResponse answer = ServerResponse.json(200, "{\"n\":" + i + "}");
      answers.add(answer);
      assertTrue(store.complete(key, "o", answer), key);
      if (i % 97 == 0) {
        assertTrue(store.size() <= maxEntries, "held " + store.size());
      }
    }
    assertEquals(maxEntries, store.size());
    for (int i = added - 512; i < added; i++) {
      String key = "TSP:createToken:k" + i;
      assertSame(answers.get(i), store.claim(key, "f", "o", TTL).response(), key);
    }
    assertEquals(maxEntries, store.size());
    assertEquals(State.ACQUIRED, store.claim("TSP:createToken:k0", "f", "o", TTL).state());
    assertEquals(maxEntries, store.size());
  }

  /**
   * Runs {@code steps} random calls on a one-stripe store of {@code capacity} keys and on the model, and compares every
   * answer, every waiter's state and the size after each.
   */
  private void compareWithModel(int capacity, List<String> keys, int steps, long seed) {
    InMemoryDedupeStore store = new InMemoryDedupeStore(capacity, TTL, now::get);
    Model model = new Model(capacity);
    Random random = new Random(seed);
    for (int step = 0; step < steps; step++) {
      if (random.nextInt(5) == 0) {
        now.addAndGet(Duration.ofSeconds(random.nextInt(600)).toNanos());
      }
      String key = keys.get(random.nextInt(keys.size()));
      String where = "step " + step + " on " + key;
      switch (random.nextInt(4)) {
        case 0 -> {
          String fingerprint = random.nextInt(10) == 0 ? "g" : "f";
          String owner = "o" + step;
          Duration lease = random.nextBoolean() ? Duration.ofMinutes(5) : Duration.ofMinutes(30);
          Model.Outcome expected = model.claim(key, fingerprint, owner, lease.toNanos());
          Claim claim = store.claim(key, fingerprint, owner, lease);
          assertEquals(expected.state, claim.state(), where);
          assertSame(expected.response, claim.response(), where);
        }
        case 1 -> {
          String owner = ownerToTry(model, key, random);
          ServerResponse answer = ServerResponse.json(200, "{\"step\":" + step + "}");
          assertEquals(model.complete(key, owner, answer), store.complete(key, owner, answer), where);
        }
        case 2 -> {
          String owner = ownerToTry(model, key, random);
          assertEquals(model.release(key, owner), store.release(key, owner), where);
        }
        default -> {
          Model.Wait expected = model.awaitChange(key);
          CompletableFuture<Void> changed = store.awaitChange(key, LONG_WAIT);
          if (expected == Model.Wait.AT_ONCE) {
            assertTrue(changed.isDone(), where);
          } else if (expected == Model.Wait.FOLLOWED) {
            assertFalse(changed.isDone(), where);
            model.follow(key, changed);
          }
        }
      }
      model.checkWaiters(where);
      assertEquals(model.entries.size(), store.size(), where);
    }
  }

  /** Mostly the key's owner, sometimes another. */
  private static String ownerToTry(Model model, String key, Random random) {
    Model.Entry entry = model.entries.get(key);
    return entry != null && random.nextInt(10) < 7 ? entry.owner : "someone else";
  }

  /** The documented semantics on a map in access order: one stripe, exact least-recently-used eviction. */
  private final class Model {
    final int capacity;
    final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Waiters that the last call must have woken. */
    final List<CompletableFuture<Void>> toSignal = new ArrayList<>();
    /** Waiters on a key that the last call evicted: not woken, they end with their own timeout. */
    final List<CompletableFuture<Void>> evicted = new ArrayList<>();

    Model(int capacity) {
      this.capacity = capacity;
    }

    final class Entry {
      final String fingerprint;
      final String owner;
      ServerResponse response;
      long expiresAt;
      final List<CompletableFuture<Void>> waiters = new ArrayList<>();

      Entry(String fingerprint, String owner, long expiresAt) {
        this.fingerprint = fingerprint;
        this.owner = owner;
        this.expiresAt = expiresAt;
      }
    }

    record Outcome(State state, ServerResponse response) {}

    enum Wait { AT_ONCE, FOLLOWED, NOT_FOLLOWED }

    Outcome claim(String key, String fingerprint, String owner, long lease) {
      long at = now.get();
      Entry entry = entries.get(key);
      if (entry == null) {
        if (entries.size() == capacity) {
          Iterator<Entry> eldest = entries.values().iterator();
          evicted.addAll(eldest.next().waiters);
          eldest.remove();
        }
        entries.put(key, new Entry(fingerprint, owner, at + lease));
        return new Outcome(State.ACQUIRED, null);
      }
      if (at - entry.expiresAt <= 0) {
        if (!entry.fingerprint.equals(fingerprint)) {
          return new Outcome(State.CONFLICT, null);
        }
        return entry.response == null ? new Outcome(State.IN_PROGRESS, null) : new Outcome(State.DONE, entry.response);
      }
      toSignal.addAll(entry.waiters);
      entries.put(key, new Entry(fingerprint, owner, at + lease));
      return new Outcome(State.ACQUIRED, null);
    }

    boolean complete(String key, String owner, ServerResponse response) {
      Entry entry = claimedBy(key, owner);
      if (entry == null) {
        return false;
      }
      entry.response = response;
      entry.expiresAt = now.get() + TTL.toNanos();
      toSignal.addAll(entry.waiters);
      entry.waiters.clear();
      return true;
    }

    boolean release(String key, String owner) {
      Entry entry = claimedBy(key, owner);
      if (entry == null) {
        return false;
      }
      entries.remove(key);
      toSignal.addAll(entry.waiters);
      return true;
    }

    Wait awaitChange(String key) {
      Entry entry = entries.get(key);
      if (entry == null || entry.response != null) {
        return Wait.AT_ONCE;
      }
      // a shorter wait may end on its own (the store bounds it by the lease left) before the test looks
      return entry.expiresAt - now.get() >= FOLLOWED_WAIT ? Wait.FOLLOWED : Wait.NOT_FOLLOWED;
    }

    void follow(String key, CompletableFuture<Void> changed) {
      entries.get(key).waiters.add(changed);
    }

    /**
     * The waiters the last call woke are done; those of an evicted key and those of the keys still in flight are not.
     */
    void checkWaiters(String where) {
      for (CompletableFuture<Void> waiter : toSignal) {
        assertTrue(waiter.isDone(), where);
      }
      for (CompletableFuture<Void> waiter : evicted) {
        assertFalse(waiter.isDone(), where);
      }
      for (Entry entry : entries.values()) {
        for (CompletableFuture<Void> waiter : entry.waiters) {
          assertFalse(waiter.isDone(), where);
        }
      }
      toSignal.clear();
      evicted.clear();
    }

    private Entry claimedBy(String key, String owner) {
      Entry entry = entries.get(key);
      return entry != null && entry.response == null && entry.owner.equals(owner) ? entry : null;
    }
  }

  /** {@code plain} keys of distinct hashes ("k0", "k1", ...), then {@code colliding} keys of one hash. */
  private static List<String> keys(int plain, int colliding) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < plain; i++) {
      keys.add("k" + i);
    }
    keys.addAll(collidingKeys().subList(0, colliding));
    return keys;
  }

  /** Eight keys of one {@link String#hashCode}: every string of three of "Aa" and "BB" ("Aa" and "BB" collide). */
  private static List<String> collidingKeys() {
    List<String> keys = new ArrayList<>();
    for (int bits = 0; bits < 8; bits++) {
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        key.append((bits >> i & 1) == 0 ? "Aa" : "BB");
      }
      keys.add(key.toString());
    }
    return keys;
  }
}
