package io.tokensdk.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers which requests were handled, so that a retried one (TSP: same {@code x-request-id}; COF: same
 * {@code x-correlation-id}; PAT: same {@code messageId}) gets the first answer again without reaching the handler twice.
 *
 * <p>The protocol: {@link #claim} atomically takes a key for a request whose body has a given fingerprint, on behalf of
 * an {@code owner} (a value the server makes new for each delivery). The winner runs the handler, then calls
 * {@link #complete} with the answer to replay, or {@link #release} when the handling failed (so that the sender's retry
 * runs it again). A claim in flight holds for its {@code lease}: if the instance that holds it dies, the key can be
 * claimed again once the lease has expired, so delivery stays at least once and nothing is lost. Completing and releasing
 * act only while the key is still the owner's: a handler that outlived its lease, whose key another delivery has since
 * claimed, can neither overwrite that delivery's answer nor free its claim (which would let a third delivery run
 * beside it).
 * A duplicate that finds the key {@link Claim.State#IN_PROGRESS} waits with {@link #awaitChange}, which must not poll a
 * worker thread in a sleep loop: use the store's own notification (an in-memory future, PostgreSQL
 * {@code LISTEN/NOTIFY}, Redis pub/sub) or a back-off scheduled outside the caller's thread.
 *
 * <p>A store that cannot be reached throws {@link DedupeStoreException}; the server then gives the spec's retryable
 * answer and never skips dedupe silently. Implementations must be thread-safe.
 */
public interface DedupeStore {
  /**
   * Atomically claims {@code key}, or reports the state of an earlier claim.
   *
   * @param key the dedupe key (API, operation and idempotency key)
   * @param fingerprint a digest of the request (method, path and body) that names it without carrying its data
   * @param owner who claims: unique to this delivery, passed again to {@link #complete} or {@link #release}
   * @param lease how long an in-flight claim holds if its owner never completes or releases it
   * @return {@link Claim.State#ACQUIRED} when the caller now owns the key; {@link Claim.State#CONFLICT} when the key
   *     is held (in flight or done) for another fingerprint; else the state of the earlier claim
   * @throws DedupeStoreException when the store cannot be reached
   */
  Claim claim(String key, String fingerprint, String owner, Duration lease);

  /**
   * Records the answer of a key claimed by {@code owner}, to be replayed byte for byte; wakes the duplicates waiting on
   * it. A claim whose lease has ended may still be completed as long as nobody claimed the key since, unless the store
   * has already forgotten it.
   *
   * @return true when the answer was recorded; false when the key is no longer {@code owner}'s (claimed again by another
   *     delivery, answered, or forgotten after its lease), and nothing was changed
   * @throws DedupeStoreException when the store cannot be reached
   */
  boolean complete(String key, String owner, ServerResponse response);

  /**
   * Forgets a key claimed by {@code owner} whose handling failed; wakes the duplicates waiting on it.
   *
   * @return true when the claim was removed; false when the key is no longer {@code owner}'s, and nothing was changed
   * @throws DedupeStoreException when the store cannot be reached
   */
  boolean release(String key, String owner);

  /**
   * Completes (normally) when {@code key} may have left {@link Claim.State#IN_PROGRESS}: completed, released, or its
   * lease expired; or when {@code maxWait} has passed. The caller then claims again. Never completes exceptionally
   * for a timeout; the caller tells by claiming again.
   */
  CompletableFuture<Void> awaitChange(String key, Duration maxWait);

  /** The outcome of {@link #claim}. */
  final class Claim {
    private static final Claim ACQUIRED = new Claim(State.ACQUIRED, null);
    private static final Claim IN_PROGRESS = new Claim(State.IN_PROGRESS, null);
    private static final Claim CONFLICT = new Claim(State.CONFLICT, null);

    /** The states of a key. */
    public enum State {
      /** The caller now owns the key and must complete or release it. */
      ACQUIRED,
      /** Another delivery of the same request is being handled. */
      IN_PROGRESS,
      /** The request was handled; {@link #response()} is the answer that was sent. */
      DONE,
      /** The key is held for a request with another fingerprint: the same id was reused for a different body. */
      CONFLICT
    }

    private final State state;
    private final ServerResponse response;

    private Claim(State state, ServerResponse response) {
      this.state = state;
      this.response = response;
    }

    /** The caller owns the key. */
    public static Claim acquired() {
      return ACQUIRED;
    }

    /** Another delivery is being handled. */
    public static Claim inProgress() {
      return IN_PROGRESS;
    }

    /** The key is held for another fingerprint. */
    public static Claim conflict() {
      return CONFLICT;
    }

    /** The key was handled and answered with {@code response}. */
    public static Claim done(ServerResponse response) {
      return new Claim(State.DONE, Objects.requireNonNull(response, "response"));
    }

    /** The state. */
    public State state() {
      return state;
    }

    /** The stored answer when {@link State#DONE}, else null. */
    public ServerResponse response() {
      return response;
    }

    @Override
    public String toString() {
      return "Claim{" + state + "}";
    }
  }
}
