package io.tokensdk.server;

import io.tokensdk.spec.SpecId;
import java.time.Duration;

/**
 * What the dispatcher did with one request, for a {@link ServerListener}.
 *
 * @param spec the API whose base path the request was under, or null when it was under none
 * @param operationId the operation, or null when the request matched none (404, 405) or was rejected by the host
 * @param httpStatus the status answered
 * @param latency from the dispatcher receiving the request to its answer being ready (the handler included)
 * @param outcome how the request ended
 * @param requestId the request's {@code x-request-id} (TSP) or {@code x-correlation-id} (COF), or null
 */
public record ServerEvent(
    SpecId spec, String operationId, int httpStatus, Duration latency, Outcome outcome, String requestId) {

  /** True when a deduplicated request was answered from the dedupe store, without running the handler. */
  public boolean dedupeHit() {
    return outcome == Outcome.REPLAYED;
  }

  /** How a request ended. */
  public enum Outcome {
    /** The handler ran and its result was answered. */
    SUCCESS,
    /** A retry of a handled request: the first answer was sent again and the handler did not run. */
    REPLAYED,
    /**
     * The request broke the spec (bad path, method, content type, header, body or API key, or HTTP the host could not
     * read) and never reached the handler.
     */
    REJECTED,
    /** The handler threw one of the API's typed errors (or a mapped exception that became one). */
    BUSINESS_ERROR,
    /** The handler threw {@link RetryLaterException}. */
    RETRY_LATER,
    /** The handler could not open or read an encrypted payload of the request; answered as a bad request. */
    BAD_PAYLOAD,
    /** The handler threw something unexpected. */
    HANDLER_FAILED,
    /** The handler returned null for an operation whose answer has a body. */
    NULL_RESULT,
    /** The handler's result breaks the spec's response schema; it was not sent. */
    INVALID_RESPONSE,
    /** A duplicate whose first delivery was still running after the mount's {@code duplicateWait}: retryable answer. */
    DUPLICATE_IN_PROGRESS,
    /** The idempotency key was reused for a different request: a non-retryable error. */
    KEY_REUSED,
    /** The dedupe store failed: retryable answer, the handler did not run. */
    STORE_FAILED,
    /** The host refused the request for overload (reported through {@link TokenSdkDispatcher#retryLater}). */
    OVERLOADED,
    /**
     * The host refused the request for a limit: headers, URI or body too large, or not received in time (reported
     * through {@link TokenSdkDispatcher#malformed}).
     */
    LIMIT_EXCEEDED,
    /** The SDK itself failed; answered 500 without details. */
    INTERNAL_ERROR
  }
}
