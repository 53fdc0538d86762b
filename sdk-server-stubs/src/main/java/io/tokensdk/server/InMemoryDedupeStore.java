package io.tokensdk.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The default {@link DedupeStore}: bounded, in memory, for a single instance. It keeps at most {@code maxEntries} keys
 * (least recently used evicted first); answers are kept for {@code ttl}, claims in flight for their lease. Duplicates
 * wait on a future that {@link #complete} and {@link #release} complete. Thread-safe.
 */
public final class InMemoryDedupeStore implements DedupeStore {
  /** The default size: 10,000 keys. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** The default time to live: 24 hours, longer than the senders' retry schedules. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> entries;

  /** A store with the default size and time to live. */
  public InMemoryDedupeStore() {
    this(DEFAULT_MAX_ENTRIES, DEFAULT_TTL);
  }

  /** A store of at most {@code maxEntries} keys, each answer kept for {@code ttl}. */
  public InMemoryDedupeStore(int maxEntries, Duration ttl) {
    this(maxEntries, ttl, System::nanoTime);
  }

  InMemoryDedupeStore(int maxEntries, Duration ttl, LongSupplier nanoClock) {
    if (maxEntries < 1 || ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("maxEntries must be positive and ttl longer than zero");
    }
    this.ttlNanos = ttl.toNanos();
    this.nanoClock = nanoClock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  @Override
  public synchronized Claim claim(String key, String fingerprint, String owner, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lease, "lease");
    long now = nanoClock.getAsLong();
    Entry entry = entries.get(key);
    if (entry != null && now - entry.expiresAt > 0) {
      entries.remove(key);
      entry.signal();
      entry = null;
    }
    if (entry == null) {
      entries.put(key, new Entry(fingerprint, owner, now + lease.toNanos()));
      return Claim.acquired();
    }
    if (!entry.fingerprint.equals(fingerprint)) {
      return Claim.conflict();
    }
    return entry.response == null ? Claim.inProgress() : Claim.done(entry.response);
  }

  @Override
  public synchronized boolean complete(String key, String owner, ServerResponse response) {
    Objects.requireNonNull(response, "response");
    Entry entry = claimedBy(key, owner);
    if (entry == null) {
      return false;
    }
    // the get in claimedBy made it the most recently used
    entry.response = response;
    entry.expiresAt = nanoClock.getAsLong() + ttlNanos;
    entry.signal();
    return true;
  }

  @Override
  public synchronized boolean release(String key, String owner) {
    Entry entry = claimedBy(key, owner);
    if (entry == null) {
      return false;
    }
    entries.remove(key);
    entry.signal();
    return true;
  }

  /** The entry of {@code key} while it is in flight for {@code owner}, else null; guarded by the store. */
  private Entry claimedBy(String key, String owner) {
    Entry entry = entries.get(Objects.requireNonNull(key, "key"));
    return entry != null && entry.response == null && entry.owner.equals(Objects.requireNonNull(owner, "owner"))
        ? entry : null;
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    CompletableFuture<Void> changed;
    long leaseLeft;
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry == null || entry.response != null) {
        return CompletableFuture.completedFuture(null);
      }
      if (entry.changed == null) {
        entry.changed = new CompletableFuture<>();
      }
      changed = entry.changed;
      leaseLeft = Math.max(0, entry.expiresAt - nanoClock.getAsLong());
    }
    long wait = Math.min(maxWait.toNanos(), leaseLeft);
    return changed.copy().completeOnTimeout(null, wait, TimeUnit.NANOSECONDS);
  }

  /** The number of keys held, expired ones included until they are touched or evicted. */
  public synchronized int size() {
    return entries.size();
  }

  /** A key's state; guarded by the store. */
  private static final class Entry {
    final String fingerprint;
    final String owner;
    ServerResponse response;
    long expiresAt;
    /** Completed when the entry leaves the in-progress state; created by the first duplicate that waits. */
    CompletableFuture<Void> changed;

    Entry(String fingerprint, String owner, long expiresAt) {
      this.fingerprint = fingerprint;
      this.owner = owner;
      this.expiresAt = expiresAt;
    }

    void signal() {
      if (changed != null) {
        changed.complete(null);
      }
    }
  }
}
