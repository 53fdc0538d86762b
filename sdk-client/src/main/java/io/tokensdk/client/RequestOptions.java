package io.tokensdk.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-call overrides, in the manner of stripe-java's {@code RequestOptions}: the idempotency ids and the deadline.
 * Immutable.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final String requestId;
  private final String correlationId;
  private final Duration deadline;
  private final CallInfo callInfo;

  private RequestOptions(Builder builder) {
    this.callInfo = builder.callInfo;
    this.requestId = builder.requestId;
    this.correlationId = builder.correlationId;
    this.deadline = builder.deadline;
  }

  /** No overrides: generated ids and the configured deadline. */
  public static RequestOptions none() {
    return NONE;
  }

  /** A builder with no overrides. */
  public static Builder builder() {
    return new Builder();
  }

  /** The TSP {@code x-request-id} to send, if the caller chose one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The COF {@code x-correlation-id} to send, if the caller chose one. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** The deadline of this call, retries included, if it overrides the configured one. */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** Where the call reports its attempts, if the caller asked. */
  public Optional<CallInfo> callInfo() {
    return Optional.ofNullable(callInfo);
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private String requestId;
    private String correlationId;
    private Duration deadline;
    private CallInfo callInfo;

    private Builder() {}

    /** Reports the attempts, id and status of the call into {@code info}, on success and on failure. */
    public Builder callInfo(CallInfo info) {
      this.callInfo = info;
      return this;
    }

    /** The TSP {@code x-request-id} (1 to 48 characters); every attempt of the call carries it. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The COF {@code x-correlation-id} (1 to 36 characters); every attempt of the call carries it. */
    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /** The overall deadline of this call, retries and backoff included. */
    public Builder deadline(Duration deadline) {
      if (deadline == null || deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive");
      }
      this.deadline = deadline;
      return this;
    }

    /** The options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
