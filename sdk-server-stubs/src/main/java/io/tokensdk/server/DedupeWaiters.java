package io.tokensdk.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The duplicates of one {@link DedupeStore} instance that wait for a key to change, for stores that learn of changes
 * through a notification (PostgreSQL {@code LISTEN/NOTIFY}, Redis pub/sub): the store's single listener calls
 * {@link #wake} for the key named by a notification, so no waiter holds a thread. Thread-safe.
 *
 * <p>Register before reading the key's state, then settle the future at once if the key is no longer in flight: a
 * notification that arrives between the two is then never missed.
 */
public final class DedupeWaiters {
  private final ConcurrentHashMap<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

  /** Creates an empty registry. */
  public DedupeWaiters() {
  }

  /**
   * A future completed by the next {@link #wake} of {@code key} (or {@link #wakeAll}), or normally once
   * {@code maxWait} has passed; it leaves the registry when it completes either way.
   */
  public CompletableFuture<Void> register(String key, Duration maxWait) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(maxWait, "maxWait");
    CompletableFuture<Void> changed = new CompletableFuture<>();
    waiting.compute(key, (k, futures) -> {
      Set<CompletableFuture<Void>> set = futures == null ? ConcurrentHashMap.newKeySet() : futures;
      set.add(changed);
      return set;
    });
    changed.whenComplete((ignored, failure) -> waiting.computeIfPresent(key, (k, futures) -> {
      futures.remove(changed);
      return futures.isEmpty() ? null : futures;
    }));
    changed.completeOnTimeout(null, Math.max(0, maxWait.toNanos()), TimeUnit.NANOSECONDS);
    return changed;
  }

  /** Wakes every waiter of {@code key}. */
  public void wake(String key) {
    Set<CompletableFuture<Void>> futures = waiting.remove(key);
    if (futures != null) {
      futures.forEach(future -> future.complete(null));
    }
  }

  /** Wakes every waiter, e.g. after the listener reconnected and may have missed notifications. */
  public void wakeAll() {
    waiting.keySet().forEach(this::wake);
  }

  /** The number of keys with waiters. */
  public int keys() {
    return waiting.size();
  }
}
