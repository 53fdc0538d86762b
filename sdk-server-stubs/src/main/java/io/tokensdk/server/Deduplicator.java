package io.tokensdk.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a handler at most once per idempotency key, through a {@link DedupeStore}:
 * <ul>
 *   <li>the first delivery claims the key (with the mount's claim lease) and runs; a success answer is stored, any
 *       other answer releases the key so that a retry runs the handler again;</li>
 *   <li>a retry of a handled request gets the stored answer, byte for byte, and the handler does not run;</li>
 *   <li>a retry arriving while the first delivery runs waits for it with {@link DedupeStore#awaitChange} (no polling)
 *       for at most {@code duplicateWait}, then gets the API's retryable answer;</li>
 *   <li>the same key with a different request (method, path or body) gets the API's non-retryable "bad request";</li>
 *   <li>a store failure gets the API's retryable answer, and the handler does not run without dedupe;</li>
 *   <li>each delivery claims as an owner of its own, so that a handler that outlived its lease cannot record or free
 *       the claim of the delivery that took the key after it.</li>
 * </ul>
 * Thread-safe.
 */
final class Deduplicator {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server");
  /** A fresh SHA-256 digest, cloned for each thread instead of looked up among the providers. */
  private static final MessageDigest SHA_256_PROTOTYPE = sha256();
  /**
   * A SHA-256 digest per thread, reset by each {@link MessageDigest#digest}, so that a pooled thread does not clone one
   * (with its buffers) per request; a thread used once (a virtual thread) costs one clone, as before.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Deduplicator::newSha256);
  /** Makes owners unique across instances: random per JVM, then a counter. */
  private static final String OWNER_PREFIX = ownerPrefix();
  private static final AtomicLong OWNERS = new AtomicLong();

  private final DedupeStore store;
  private final ApiProfile profile;
  private final Duration lease;
  private final Duration wait;

  Deduplicator(DedupeStore store, ApiProfile profile, MountOptions options) {
    this.store = store;
    this.profile = profile;
    this.lease = options.claimLease();
    this.wait = options.duplicateWait();
  }

  /**
   * Answers the request named by {@code key} and {@code fingerprint}, running {@code first} only if it was not handled.
   *
   * @param keyName how the key is named in an error, e.g. {@code header x-request-id}
   */
  Answer once(String key, String keyName, String fingerprint, ParsedRequest request, Supplier<Answer> first) {
    long deadline = 0;
    boolean waited = false;
    String owner = OWNER_PREFIX + Long.toString(OWNERS.incrementAndGet(), 36);
    while (true) {
      DedupeStore.Claim claim;
      try {
        claim = store.claim(key, fingerprint, owner, lease);
      } catch (RuntimeException e) {
        return storeFailed("claim", e, request);
      }
      switch (claim.state()) {
        case DONE:
          return Answer.of(claim.response(), ServerEvent.Outcome.REPLAYED);
        case CONFLICT:
          return Answer.of(profile.invalid(new io.tokensdk.spec.Violation(keyName,
              io.tokensdk.spec.Violation.Kind.BAD_FORMAT,
              "bad parameter format: " + keyName + " (already used for a different request)"), request.tree().get()),
              ServerEvent.Outcome.KEY_REUSED);
        case ACQUIRED:
          return runClaimed(key, owner, request, first);
        default:
          if (!waited) {
            // the wait is timed from the first duplicate answer: a first claim, the common case, reads no clock
            deadline = System.nanoTime() + wait.toNanos();
            waited = true;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return Answer.of(profile.busy(request.tree().get()), ServerEvent.Outcome.DUPLICATE_IN_PROGRESS);
          }
          try {
            store.awaitChange(key, Duration.ofNanos(left)).get(left, TimeUnit.NANOSECONDS);
          } catch (TimeoutException e) {
            // claim again: the deadline check answers
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.of(profile.busy(request.tree().get()), ServerEvent.Outcome.DUPLICATE_IN_PROGRESS);
          } catch (ExecutionException | RuntimeException e) {
            return storeFailed("awaitChange", e, request);
          }
      }
    }
  }

  private Answer runClaimed(String key, String owner, ParsedRequest request, Supplier<Answer> first) {
    Answer answer = null;
    try {
      answer = first.get();
      return answer;
    } finally {
      try {
        boolean stillOwned = answer != null && answer.response().isSuccess()
            ? store.complete(key, owner, answer.response())
            : store.release(key, owner);
        if (!stillOwned) {
          LOG.log(System.Logger.Level.WARNING, "the dedupe claim of a {0} request ended before its handler finished"
              + " and the key is no longer this delivery''s: its answer is sent but not recorded (raise the claim"
              + " lease above the handler''s longest run)", request.operation().operationId());
        }
      } catch (RuntimeException e) {
        // the handler ran: its answer is still sent; the key frees itself when its lease ends
        LOG.log(System.Logger.Level.WARNING, "dedupe store failed to record an answer ({0}); the key is held until"
            + " its lease ends", e.getClass().getName());
      }
    }
  }

  private Answer storeFailed(String step, Exception e, ParsedRequest request) {
    LOG.log(System.Logger.Level.WARNING, "dedupe store failed on {0} for {1} ({2}); answered as retryable",
        step, request.operation().operationId(), e.getClass().getName());
    return Answer.of(profile.busy(request.tree().get()), ServerEvent.Outcome.STORE_FAILED);
  }

  /** A digest that names the request (method, path under the base path, body) without carrying its data. */
  static String fingerprint(String method, String subPath, byte[] body) {
    // everything that can fail runs before the first update, so the thread's digest is never left half fed
    byte[] methodBytes = method.getBytes(StandardCharsets.US_ASCII);
    byte[] pathBytes = subPath.getBytes(StandardCharsets.UTF_8);
    Objects.requireNonNull(body, "body");
    MessageDigest digest = SHA_256.get();
    digest.update(methodBytes);
    digest.update((byte) 0);
    digest.update(pathBytes);
    digest.update((byte) 0);
    return HexFormat.of().formatHex(digest.digest(body));
  }

  private static String ownerPrefix() {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random) + "-";
  }

  private static MessageDigest newSha256() {
    try {
      return (MessageDigest) SHA_256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return sha256();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
