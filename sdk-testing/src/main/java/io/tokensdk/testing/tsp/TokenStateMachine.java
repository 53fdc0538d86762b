package io.tokensdk.testing.tsp;

import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.server.TspErrorException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The token lifecycle over the spec's states: ACTIVE and SUSPENDED switch between each other, both may be DELETED, a
 * DELETED token may be ERASED, and ERASED is final. Anything else is answered 432.
 */
final class TokenStateMachine {
  private static final Map<State, Set<State>> ALLOWED = Map.of(
      State.ACTIVE, EnumSet.of(State.SUSPENDED, State.DELETED),
      State.SUSPENDED, EnumSet.of(State.ACTIVE, State.DELETED),
      State.DELETED, EnumSet.of(State.ERASED),
      State.ERASED, EnumSet.noneOf(State.class));

  private TokenStateMachine() {
  }

  /**
   * The state after the transition.
   *
   * @throws TspErrorException 432 when {@code from} does not allow going to {@code to}
   */
  public static State transition(State from, State to) {
    if (!ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
      throw new TspErrorException(TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION,
          "Current token state " + from + " does not allow going to " + to);
    }
    return to;
  }

  /**
   * Checks that a token in {@code state} can still be used (updated, asked for credentials, replenished).
   *
   * @throws TspErrorException 432 for a DELETED or ERASED token
   */
  public static void requireLive(State state) {
    if (state == State.DELETED || state == State.ERASED) {
      throw new TspErrorException(TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION,
          "Current token state " + state + " does not allow this operation");
    }
  }
}
