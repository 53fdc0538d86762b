package io.tokensdk.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The default {@link DedupeStore}: bounded, in memory, for a single instance. It keeps at most {@code maxEntries} keys;
 * answers are kept for {@code ttl}, claims in flight for their lease. Duplicates wait on a future that
 * {@link #complete} and {@link #release} complete. Thread-safe.
 *
 * <p>Keys are spread over stripes by their hash, each with its own lock and its own share of {@code maxEntries}, so
 * that requests on different keys do not wait for each other. A full stripe evicts its least recently used key: the
 * eviction order is exact within a stripe and close to least-recently-used overall. Every stripe holds at least
 * {@value #MIN_STRIPE_ENTRIES} keys, so a small store has one stripe, and its order is exact.
 */
public final class InMemoryDedupeStore implements DedupeStore {
  /** The default size: 10,000 keys. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** The default time to live: 24 hours, longer than the senders' retry schedules. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(24);
  /** The fewest keys a stripe holds, so that each stripe's order stays close to the whole store's. */
  static final int MIN_STRIPE_ENTRIES = 256;
  private static final int MAX_STRIPES = 32;

  private final long ttlNanos;
  private final LongSupplier nanoClock;
  private final Stripe[] stripes;
  /** How far to shift a spread hash right to get a stripe index: the index takes the hash's highest bits. */
  private final int stripeShift;

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
    int count = Math.max(1, Math.min(MAX_STRIPES, Integer.highestOneBit(maxEntries / MIN_STRIPE_ENTRIES)));
    this.stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe(maxEntries / count + (i < maxEntries % count ? 1 : 0));
    }
    this.stripeShift = 32 - Integer.numberOfTrailingZeros(count);
  }

  /**
   * The stripe of {@code key}. It takes the highest bits of a multiplicative hash, so that the stripe's own map, which
   * indexes by the lowest bits of {@link String#hashCode}, still spreads its keys over all of its buckets.
   */
  private Stripe stripeOf(String key) {
    return stripeShift == 32 ? stripes[0] : stripes[(key.hashCode() * 0x9E3779B9) >>> stripeShift];
  }

  @Override
  public Claim claim(String key, String fingerprint, String owner, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lease, "lease");
    Stripe stripe = stripeOf(key);
    Entry expired;
    synchronized (stripe) {
      long now = nanoClock.getAsLong();
      Entry claimed = new Entry(fingerprint, owner, now + lease.toNanos());
      // one lookup: inserts a new key, or finds (and marks as most recently used) the one there
      Entry entry = stripe.entries.putIfAbsent(key, claimed);
      if (entry == null) {
        return Claim.acquired();
      }
      if (now - entry.expiresAt <= 0) {
        if (!entry.fingerprint.equals(fingerprint)) {
          return Claim.conflict();
        }
        return entry.response == null ? Claim.inProgress() : Claim.done(entry.response);
      }
      stripe.entries.put(key, claimed);
      expired = entry;
    }
    expired.signal();
    return Claim.acquired();
  }

  @Override
  public boolean complete(String key, String owner, ServerResponse response) {
    Objects.requireNonNull(response, "response");
    Stripe stripe = stripeOf(Objects.requireNonNull(key, "key"));
    Entry entry;
    synchronized (stripe) {
      entry = stripe.claimedBy(key, owner);
      if (entry == null) {
        return false;
      }
      // the get in claimedBy made it the most recently used
      entry.response = response;
      entry.expiresAt = nanoClock.getAsLong() + ttlNanos;
    }
    entry.signal();
    return true;
  }

  @Override
  public boolean release(String key, String owner) {
    Stripe stripe = stripeOf(Objects.requireNonNull(key, "key"));
    Entry entry;
    synchronized (stripe) {
      entry = stripe.claimedBy(key, owner);
      if (entry == null) {
        return false;
      }
      stripe.entries.remove(key);
    }
    entry.signal();
    return true;
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    Stripe stripe = stripeOf(Objects.requireNonNull(key, "key"));
    CompletableFuture<Void> changed;
    long leaseLeft;
    synchronized (stripe) {
      Entry entry = stripe.entries.get(key);
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
  public int size() {
    int size = 0;
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        size += stripe.entries.size();
      }
    }
    return size;
  }

  /** The keys of one hash range, in least-recently-used order, at most {@code maxEntries}; guarded by itself. */
  private static final class Stripe {
    final Map<String, Entry> entries;

    Stripe(int maxEntries) {
      this.entries = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          // the evicted entry is not read (a cache miss per request on a full store): a duplicate waiting on an
          // evicted claim claims again when its lease or its wait ends
          return size() > maxEntries;
        }
      };
    }

    /** The entry of {@code key} while it is in flight for {@code owner}, else null; called holding this stripe. */
    Entry claimedBy(String key, String owner) {
      Entry entry = entries.get(key);
      return entry != null && entry.response == null && entry.owner.equals(Objects.requireNonNull(owner, "owner"))
          ? entry : null;
    }
  }

  /** A key's state; guarded by its stripe, except {@link #changed} once it is read out. */
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
