package io.tokensdk.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tokensdk.client.AttemptEvent;
import io.tokensdk.client.CallListener;
import java.util.Locale;

/**
 * Records every client attempt as the timer {@code tokensdk.client.requests} and every retry in the counter
 * {@code tokensdk.client.retries}. Tags: {@code api}, {@code operation} (the spec's operationId), {@code outcome}
 * ({@code success}, {@code retryable_failure}, {@code failure}) and, on the timer, {@code status} (the HTTP status, or
 * {@code none} when no answer came). Never an id, a URL, or anything from a body: the tags' values are bounded.
 */
public final class MicrometerCallListener implements CallListener {
  /** The name of the per-attempt timer. */
  public static final String REQUESTS = "tokensdk.client.requests";
  /** The name of the counter of attempts after the first. */
  public static final String RETRIES = "tokensdk.client.retries";

  private final MeterRegistry registry;

  /** A listener recording into {@code registry}. */
  public MicrometerCallListener(MeterRegistry registry) {
    this.registry = java.util.Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    String api = event.spec().id();
    Timer.builder(REQUESTS)
        .description("Attempts of tokensdk client calls")
        .tag("api", api)
        .tag("operation", event.operationId())
        .tag("outcome", event.outcome().name().toLowerCase(Locale.ROOT))
        .tag("status", event.httpStatus() == 0 ? "none" : Integer.toString(event.httpStatus()))
        .register(registry)
        .record(event.latency());
    if (event.attempt() > 1) {
      Counter.builder(RETRIES)
          .description("Attempts of tokensdk client calls after the first")
          .tag("api", api)
          .tag("operation", event.operationId())
          .register(registry)
          .increment();
    }
  }
}
