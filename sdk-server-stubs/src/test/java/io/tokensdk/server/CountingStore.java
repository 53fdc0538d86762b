package io.tokensdk.server;

import io.tokensdk.server.dedupe.ForwardingDedupeStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store that counts its calls, signals waiters, and fails on demand. */
final class CountingStore extends ForwardingDedupeStore {
  final AtomicInteger claims = new AtomicInteger();
  final AtomicInteger waits = new AtomicInteger();
  final CountDownLatch waiting = new CountDownLatch(1);
  volatile boolean failing;

  @Override
  public Claim claim(String key, String fingerprint, String owner, Duration lease) {
    claims.incrementAndGet();
    if (failing) {
      throw new DedupeStoreException("store down (test)");
    }
    return super.claim(key, fingerprint, owner, lease);
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    waits.incrementAndGet();
    CompletableFuture<Void> change = super.awaitChange(key, maxWait);
    waiting.countDown();
    return change;
  }
}
