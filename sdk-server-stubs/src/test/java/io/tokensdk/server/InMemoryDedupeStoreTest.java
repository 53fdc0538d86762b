package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.server.DedupeStore.Claim.State;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryDedupeStoreTest {
  private static final Duration LEASE = Duration.ofSeconds(5);
  private final AtomicLong now = new AtomicLong();
  private final InMemoryDedupeStore store = new InMemoryDedupeStore(2, Duration.ofSeconds(10), now::get);
  private final ServerResponse ok = ServerResponse.empty(204);

  @Test
  void claimCompleteAndReplay() {
    assertEquals(State.ACQUIRED, store.claim("a", "f", "o1", LEASE).state());
    assertEquals(State.IN_PROGRESS, store.claim("a", "f", "o1", LEASE).state());
    store.complete("a", "o1", ok);
    assertSame(ok, store.claim("a", "f", "o1", LEASE).response());
  }

  @Test
  void anotherFingerprintIsAConflictInFlightAndDone() {
    store.claim("a", "f", "o1", LEASE);
    assertEquals(State.CONFLICT, store.claim("a", "g", "o1", LEASE).state());
    store.complete("a", "o1", ok);
    assertEquals(State.CONFLICT, store.claim("a", "g", "o1", LEASE).state());
  }

  @Test
  void releaseForgetsAFailedClaim() {
    store.claim("a", "f", "o1", LEASE);
    store.release("a", "o1");
    assertEquals(State.ACQUIRED, store.claim("a", "f", "o1", LEASE).state());
  }

  @Test
  void anExpiredLeaseCanBeClaimedAgain() {
    store.claim("a", "f", "o1", LEASE);
    now.addAndGet(LEASE.toNanos() + 1);
    assertEquals(State.ACQUIRED, store.claim("a", "f", "o1", LEASE).state());
  }

  @Test
  void entriesExpire() {
    store.claim("a", "f", "o1", LEASE);
    store.complete("a", "o1", ok);
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertEquals(State.ACQUIRED, store.claim("a", "f", "o1", LEASE).state());
  }

  @Test
  void leastRecentlyUsedIsEvicted() {
    store.claim("a", "f", "o1", LEASE);
    store.complete("a", "o1", ok);
    store.claim("b", "f", "o1", LEASE);
    store.complete("b", "o1", ok);
    store.claim("a", "f", "o1", LEASE);
    store.claim("c", "f", "o1", LEASE);
    assertEquals(2, store.size());
    assertEquals(State.DONE, store.claim("a", "f", "o1", LEASE).state());
    assertEquals(State.ACQUIRED, store.claim("b", "f", "o1", LEASE).state());
  }

  @Test
  void aWaiterIsWokenByCompletionAndByRelease() throws Exception {
    store.claim("a", "f", "o1", LEASE);
    CompletableFuture<Void> first = store.awaitChange("a", Duration.ofMinutes(1));
    assertFalse(first.isDone());
    store.complete("a", "o1", ok);
    first.get(10, TimeUnit.SECONDS);

    store.claim("b", "f", "o1", LEASE);
    CompletableFuture<Void> second = store.awaitChange("b", Duration.ofMinutes(1));
    store.release("b", "o1");
    second.get(10, TimeUnit.SECONDS);
    assertTrue(store.awaitChange("unknown", Duration.ofMinutes(1)).isDone());
  }

  @Test
  void anAnswerSurvivesEncoding() {
    ServerResponse answer = ServerResponse.json(201, "{\"tokenId\":\"t\"}").withHeader("x-request-id", "r1");
    ServerResponse copy = ServerResponse.decode(answer.encode());
    assertEquals(201, copy.status());
    assertEquals(Map.of("Content-Type", ServerResponse.JSON, "x-request-id", "r1"), copy.headers());
    assertArrayEquals(answer.body(), copy.body());
    assertThrows(IllegalArgumentException.class, () -> ServerResponse.decode(new byte[] {9, 9}));
  }
}
