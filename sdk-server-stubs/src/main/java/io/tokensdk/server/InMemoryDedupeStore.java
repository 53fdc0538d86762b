package io.tokensdk.server;

import java.time.Duration;
import java.util.Arrays;
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
  private static final int NONE = Stripe.NONE;

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
   * The stripe of {@code key}. It takes the highest bits of a multiplicative hash; a stripe's table indexes by the
   * lowest bits of its own mix of {@link String#hashCode}, so the keys of one stripe still spread over all its buckets.
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
    CompletableFuture<Void> expired;
    synchronized (stripe) {
      long now = nanoClock.getAsLong();
      long expiresAt = now + lease.toNanos();
      int slot = stripe.get(key);
      if (slot == NONE) {
        stripe.claim(stripe.insert(key), fingerprint, owner, expiresAt);
        return Claim.acquired();
      }
      if (now - stripe.expiresAt(slot) <= 0) {
        if (!stripe.fingerprint(slot).equals(fingerprint)) {
          return Claim.conflict();
        }
        ServerResponse response = stripe.response(slot);
        return response == null ? Claim.inProgress() : Claim.done(response);
      }
      expired = stripe.takeChanged(slot);
      stripe.claim(slot, fingerprint, owner, expiresAt);
    }
    signal(expired);
    return Claim.acquired();
  }

  @Override
  public boolean complete(String key, String owner, ServerResponse response) {
    Objects.requireNonNull(response, "response");
    Stripe stripe = stripeOf(Objects.requireNonNull(key, "key"));
    CompletableFuture<Void> changed;
    synchronized (stripe) {
      int slot = stripe.claimedBy(key, owner);
      if (slot == NONE) {
        return false;
      }
      stripe.complete(slot, response, nanoClock.getAsLong() + ttlNanos);
      // nobody waits on a done key: awaitChange returns at once
      changed = stripe.takeChanged(slot);
    }
    signal(changed);
    return true;
  }

  @Override
  public boolean release(String key, String owner) {
    Stripe stripe = stripeOf(Objects.requireNonNull(key, "key"));
    CompletableFuture<Void> changed;
    synchronized (stripe) {
      int slot = stripe.claimedBy(key, owner);
      if (slot == NONE) {
        return false;
      }
      changed = stripe.takeChanged(slot);
      stripe.remove(slot);
    }
    signal(changed);
    return true;
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    Stripe stripe = stripeOf(Objects.requireNonNull(key, "key"));
    CompletableFuture<Void> changed;
    long leaseLeft;
    synchronized (stripe) {
      int slot = stripe.get(key);
      if (slot == NONE || stripe.response(slot) != null) {
        return CompletableFuture.completedFuture(null);
      }
      changed = stripe.changed(slot);
      leaseLeft = Math.max(0, stripe.expiresAt(slot) - nanoClock.getAsLong());
    }
    long wait = Math.min(maxWait.toNanos(), leaseLeft);
    return changed.copy().completeOnTimeout(null, wait, TimeUnit.NANOSECONDS);
  }

  /** The number of keys held, expired ones included until they are touched or evicted. */
  public int size() {
    int size = 0;
    for (Stripe stripe : stripes) {
      synchronized (stripe) {
        size += stripe.size;
      }
    }
    return size;
  }

  private static void signal(CompletableFuture<Void> changed) {
    if (changed != null) {
      changed.complete(null);
    }
  }

  /**
   * The keys of one hash range, at most {@code capacity}, in least-recently-used order; guarded by itself.
   *
   * <p>A key's state lives in a slot, a number below {@code capacity}: its references side by side in {@link #refs}
   * and its numbers side by side in {@link #words}, so that one key's state is one or two cache lines and nothing is
   * allocated per key. The slots form a doubly linked list from the least recently used ({@link #head}) to the most
   * ({@link #tail}); freed slots a list of their own through {@code NEXT}. {@link #index} finds a key's slot: an
   * open-addressed table, linear probing, at most half full, each bucket holding a key's hash and its slot, so that a
   * probe reads a key only when its hash matches. The arrays grow by doubling up to {@code capacity}, so that a large
   * store that is never filled costs what it holds.
   */
  private static final class Stripe {
    static final int NONE = -1;
    private static final int INITIAL_SLOTS = 16;
    // the references of a slot, in refs
    private static final int KEY = 0;
    private static final int FINGERPRINT = 1;
    private static final int OWNER = 2;
    private static final int RESPONSE = 3;
    /** Completed when the key leaves the in-progress state; created by the first duplicate that waits. */
    private static final int CHANGED = 4;
    private static final int REFS = 5;
    // the numbers of a slot, in words; the ints are kept as longs
    private static final int EXPIRES_AT = 0;
    private static final int HASH = 1;
    private static final int PREV = 2;
    private static final int NEXT = 3;
    private static final int WORDS = 4;

    private final int capacity;
    private Object[] refs;
    private long[] words;
    /** Each bucket is {@code hash << 32 | slot + 1}, or 0 when empty. */
    private long[] index;
    private int head = NONE;
    private int tail = NONE;
    private int free = NONE;
    /** Slots handed out at least once: from {@code used} on, a slot has never been used. */
    private int used;
    int size;

    Stripe(int capacity) {
      this.capacity = capacity;
      resize(Math.min(capacity, INITIAL_SLOTS));
    }

    /** The slot of {@code key}, now the most recently used, or {@link #NONE}. */
    int get(String key) {
      int slot = find(key, hash(key));
      if (slot != NONE && slot != tail) {
        unlink(slot);
        linkLast(slot);
      }
      return slot;
    }

    /** The slot of {@code key} while it is in flight for {@code owner} (now the most recently used), else NONE. */
    int claimedBy(String key, String owner) {
      int slot = get(key);
      return slot != NONE && response(slot) == null && owner(slot).equals(Objects.requireNonNull(owner, "owner"))
          ? slot : NONE;
    }

    /**
     * A slot for {@code key}, which is not here, as the most recently used; its other references are null. A full
     * stripe first forgets its least recently used key.
     */
    int insert(String key) {
      if (size == capacity) {
        // the evicted key's waiters are not signalled: a duplicate waiting on an evicted claim claims again when its
        // lease or its wait ends (waking it now would only let it run beside the delivery still in flight sooner)
        remove(head);
      }
      int slot;
      if (free != NONE) {
        slot = free;
        free = link(slot, NEXT);
      } else {
        if (used == words.length / WORDS) {
          resize(Math.min(capacity, 2 * used));
        }
        slot = used++;
      }
      int hash = hash(key);
      refs[slot * REFS + KEY] = key;
      words[slot * WORDS + HASH] = hash;
      addToIndex(hash, slot);
      linkLast(slot);
      size++;
      return slot;
    }

    /** Forgets the key of {@code slot}: clears its references, so that its answer can be collected. */
    void remove(int slot) {
      removeFromIndex(slot);
      unlink(slot);
      Arrays.fill(refs, slot * REFS, slot * REFS + REFS, null);
      setLink(slot, NEXT, free);
      free = slot;
      size--;
    }

    void claim(int slot, String fingerprint, String owner, long expiresAt) {
      int at = slot * REFS;
      refs[at + FINGERPRINT] = fingerprint;
      refs[at + OWNER] = owner;
      refs[at + RESPONSE] = null;
      refs[at + CHANGED] = null;
      words[slot * WORDS + EXPIRES_AT] = expiresAt;
    }

    void complete(int slot, ServerResponse response, long expiresAt) {
      refs[slot * REFS + RESPONSE] = response;
      words[slot * WORDS + EXPIRES_AT] = expiresAt;
    }

    String fingerprint(int slot) {
      return (String) refs[slot * REFS + FINGERPRINT];
    }

    String owner(int slot) {
      return (String) refs[slot * REFS + OWNER];
    }

    ServerResponse response(int slot) {
      return (ServerResponse) refs[slot * REFS + RESPONSE];
    }

    long expiresAt(int slot) {
      return words[slot * WORDS + EXPIRES_AT];
    }

    /** The future of {@code slot}'s next change, made by the first waiter. */
    CompletableFuture<Void> changed(int slot) {
      CompletableFuture<Void> changed = future(slot);
      if (changed == null) {
        changed = new CompletableFuture<>();
        refs[slot * REFS + CHANGED] = changed;
      }
      return changed;
    }

    /** The future of {@code slot}'s waiters, or null when none waits; the slot no longer holds it. */
    CompletableFuture<Void> takeChanged(int slot) {
      CompletableFuture<Void> changed = future(slot);
      refs[slot * REFS + CHANGED] = null;
      return changed;
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<Void> future(int slot) {
      return (CompletableFuture<Void>) refs[slot * REFS + CHANGED];
    }

    /** A full mix of the key's hash: linear probing needs even nearby hash codes to land far apart. */
    private static int hash(String key) {
      int h = key.hashCode();
      h = (h ^ (h >>> 16)) * 0x85EBCA6B;
      h = (h ^ (h >>> 13)) * 0xC2B2AE35;
      return h ^ (h >>> 16);
    }

    private int find(String key, int hash) {
      int mask = index.length - 1;
      for (int i = hash & mask; index[i] != 0; i = (i + 1) & mask) {
        int slot = slotIn(index[i]);
        if (hashIn(index[i]) == hash && key.equals(refs[slot * REFS + KEY])) {
          return slot;
        }
      }
      return NONE;
    }

    private void addToIndex(int hash, int slot) {
      int mask = index.length - 1;
      int i = hash & mask;
      while (index[i] != 0) {
        i = (i + 1) & mask;
      }
      index[i] = (long) hash << 32 | (slot + 1);
    }

    /** Removes {@code slot}'s bucket, moving later buckets of its run back so that no probe stops short of them. */
    private void removeFromIndex(int slot) {
      int mask = index.length - 1;
      int hole = (int) words[slot * WORDS + HASH] & mask;
      while (slotIn(index[hole]) != slot) {
        hole = (hole + 1) & mask;
      }
      for (int i = (hole + 1) & mask; index[i] != 0; i = (i + 1) & mask) {
        int home = hashIn(index[i]) & mask;
        // a bucket may move back to the hole unless its home lies after the hole (cyclically, up to the bucket)
        if (((i - home) & mask) >= ((i - hole) & mask)) {
          index[hole] = index[i];
          hole = i;
        }
      }
      index[hole] = 0;
    }

    private static int hashIn(long bucket) {
      return (int) (bucket >>> 32);
    }

    private static int slotIn(long bucket) {
      return (int) bucket - 1;
    }

    private void unlink(int slot) {
      int prev = link(slot, PREV);
      int next = link(slot, NEXT);
      if (prev == NONE) {
        head = next;
      } else {
        setLink(prev, NEXT, next);
      }
      if (next == NONE) {
        tail = prev;
      } else {
        setLink(next, PREV, prev);
      }
    }

    private void linkLast(int slot) {
      setLink(slot, PREV, tail);
      setLink(slot, NEXT, NONE);
      if (tail == NONE) {
        head = slot;
      } else {
        setLink(tail, NEXT, slot);
      }
      tail = slot;
    }

    private int link(int slot, int which) {
      return (int) words[slot * WORDS + which];
    }

    private void setLink(int slot, int which, int to) {
      words[slot * WORDS + which] = to;
    }

    /** Gives room for {@code slots} slots and rebuilds the index for them. */
    private void resize(int slots) {
      refs = refs == null ? new Object[slots * REFS] : Arrays.copyOf(refs, slots * REFS);
      words = words == null ? new long[slots * WORDS] : Arrays.copyOf(words, slots * WORDS);
      index = new long[Integer.highestOneBit(2 * slots - 1) << 1];
      for (int slot = head; slot != NONE; slot = link(slot, NEXT)) {
        addToIndex((int) words[slot * WORDS + HASH], slot);
      }
    }
  }
}
