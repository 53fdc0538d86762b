package io.tokensdk.spring;

import io.tokensdk.spec.ApiSpec;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** A mounted handler: up once its servlet is registered, with the path and the number of operations it serves. */
final class MountedHandlerHealthIndicator implements HealthIndicator {
  private final TokenSdkServletRegistration registration;

  MountedHandlerHealthIndicator(TokenSdkServletRegistration registration) {
    this.registration = registration;
  }

  @Override
  public Health health() {
    return Health.up()
        .withDetail("handler", registration.handlerBean())
        .withDetail("path", registration.path())
        .withDetail("operations", ApiSpec.of(registration.api()).operations().size())
        .build();
  }
}
