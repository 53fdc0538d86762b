package io.tokensdk.client;

import io.tokensdk.spec.SpecId;
import java.time.Duration;

/**
 * What one attempt of a call did.
 *
 * @param spec the API
 * @param operationId the operation
 * @param attempt 1 for the first attempt
 * @param httpStatus the answer's status, or 0 when there was none (network failure, timeout)
 * @param latency time from sending to the end of the answer or the failure
 * @param outcome how the attempt ended
 * @param requestId the idempotency id that the attempt carried
 */
public record AttemptEvent(
    SpecId spec, String operationId, int attempt, int httpStatus, Duration latency, Outcome outcome, String requestId) {

  /** How an attempt ended. */
  public enum Outcome {
    /** A success answer. */
    SUCCESS,
    /** A failure that the spec calls retryable; another attempt follows if the policy and the deadline allow. */
    RETRYABLE_FAILURE,
    /** A failure that ends the call. */
    FAILURE
  }
}
