package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tokensdk.server.DedupeStore.Claim.State;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryDedupeStoreTest {
  private final AtomicLong now = new AtomicLong();
  private final InMemoryDedupeStore store = new InMemoryDedupeStore(2, Duration.ofSeconds(10), now::get);
  private final ServerResponse ok = ServerResponse.empty(204);

  @Test
  void claimCompleteAndReplay() {
    assertEquals(State.ACQUIRED, store.claim("a").state());
    assertEquals(State.IN_PROGRESS, store.claim("a").state());
    store.complete("a", ok);
    assertSame(ok, store.claim("a").response());
  }

  @Test
  void releaseForgetsAFailedClaim() {
    store.claim("a");
    store.release("a");
    assertEquals(State.ACQUIRED, store.claim("a").state());
  }

  @Test
  void entriesExpire() {
    store.claim("a");
    store.complete("a", ok);
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertEquals(State.ACQUIRED, store.claim("a").state());
  }

  @Test
  void leastRecentlyUsedIsEvicted() {
    store.claim("a");
    store.complete("a", ok);
    store.claim("b");
    store.complete("b", ok);
    store.claim("a");
    store.claim("c");
    assertEquals(2, store.size());
    assertEquals(State.DONE, store.claim("a").state());
    assertEquals(State.ACQUIRED, store.claim("b").state());
  }
}
