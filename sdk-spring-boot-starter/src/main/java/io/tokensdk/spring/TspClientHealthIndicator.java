package io.tokensdk.spring;

import io.tokensdk.client.RequestOptions;
import io.tokensdk.client.TokenSdkException;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.tsp.TspClient;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The TSP client's health: the TSP's own {@code GET /healthCheck}, answered 204, within {@link #DEADLINE}. */
final class TspClientHealthIndicator implements HealthIndicator {
  /** The deadline of one health check, retries included. */
  static final Duration DEADLINE = Duration.ofSeconds(5);
  private final TspClient client;

  TspClientHealthIndicator(TspClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    try {
      client.healthCheck(RequestOptions.builder().deadline(DEADLINE).build());
      return Health.up().withDetail("check", "healthCheck").build();
    } catch (TspApiException e) {
      return Health.down().withDetail("check", "healthCheck").withDetail("httpStatus", e.httpStatus())
          .withDetail("error", e.getClass().getSimpleName()).build();
    } catch (TokenSdkException e) {
      return Health.down().withDetail("check", "healthCheck").withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
