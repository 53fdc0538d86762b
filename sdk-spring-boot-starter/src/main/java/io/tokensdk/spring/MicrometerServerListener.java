package io.tokensdk.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tokensdk.server.ServerEvent;
import io.tokensdk.server.ServerListener;
import java.util.Locale;
import java.util.Objects;

/**
 * Records every request a mounted handler's dispatcher answers as the timer {@code tokensdk.server.requests}, tagged
 * {@code api}, {@code operation} (the spec's operationId, or {@code none} when the request matched no operation),
 * {@code outcome} (the {@link ServerEvent.Outcome}, lower case: {@code success}, {@code replayed}, {@code rejected},
 * {@code business_error}, ...) and {@code status} (the HTTP status answered). Never an id, a path or anything from a
 * body: the tags' values are bounded by the specs.
 */
public final class MicrometerServerListener implements ServerListener {
  /** The name of the per-request timer. */
  public static final String REQUESTS = "tokensdk.server.requests";

  private final MeterRegistry registry;

  /** A listener recording into {@code registry}. */
  public MicrometerServerListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onAnswered(ServerEvent event) {
    Timer.builder(REQUESTS)
        .description("Requests answered by tokensdk handlers")
        .tag("api", event.spec() == null ? "none" : event.spec().id())
        .tag("operation", event.operationId() == null ? "none" : event.operationId())
        .tag("outcome", event.outcome().name().toLowerCase(Locale.ROOT))
        .tag("status", Integer.toString(event.httpStatus()))
        .register(registry)
        .record(event.latency());
  }
}
