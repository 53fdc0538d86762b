package io.tokensdk.server;

/**
 * Remembers which notifications were handled, so that a redelivered one (COF: same {@code x-correlation-id}; PAT: same
 * {@code messageId}) gets the first answer again without reaching the handler twice.
 * <p>The protocol: {@link #claim} atomically takes a key; the winner runs the handler, then calls {@link #complete} on
 * success or {@link #release} on failure (so that the sender's retry runs it again). Implement it over a shared store
 * (Redis {@code SET NX PX}, a database unique key) when several instances receive the same notifications.
 * Implementations must be thread-safe.
 */
public interface DedupeStore {
  /** Atomically claims {@code key}, or reports the state of an earlier claim. */
  Claim claim(String key);

  /** Records the success answer of a claimed key; later claims get it back. */
  void complete(String key, ServerResponse response);

  /** Forgets a claimed key whose handling failed. */
  void release(String key);

  /** The outcome of {@link #claim}. */
  final class Claim {
    private static final Claim ACQUIRED = new Claim(State.ACQUIRED, null);
    private static final Claim IN_PROGRESS = new Claim(State.IN_PROGRESS, null);

    /** The states of a key. */
    public enum State {
      /** The caller now owns the key and must complete or release it. */
      ACQUIRED,
      /** Another delivery of the same notification is being handled. */
      IN_PROGRESS,
      /** The notification was handled; {@link #response()} is the answer that was sent. */
      DONE
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

    /** The key was handled and answered with {@code response}. */
    public static Claim done(ServerResponse response) {
      return new Claim(State.DONE, java.util.Objects.requireNonNull(response, "response"));
    }

    /** The state. */
    public State state() {
      return state;
    }

    /** The stored answer when {@link State#DONE}, else null. */
    public ServerResponse response() {
      return response;
    }
  }
}
