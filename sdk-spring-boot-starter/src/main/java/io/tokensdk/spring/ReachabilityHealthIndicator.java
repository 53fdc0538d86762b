package io.tokensdk.spring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A notification client's health: whether its server accepts a TCP connection within the client's connect timeout.
 * The COF and PAT APIs have no health operation, and a notification would have effects, so nothing is sent.
 */
final class ReachabilityHealthIndicator implements HealthIndicator {
  private final String host;
  private final int port;
  private final Duration connectTimeout;

  ReachabilityHealthIndicator(String baseUrl, Duration connectTimeout) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public Health health() {
    Health.Builder health;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
      health = Health.up();
    } catch (IOException e) {
      health = Health.down().withDetail("error", e.getClass().getSimpleName());
    }
    return health.withDetail("check", "reachability").withDetail("endpoint", host + ":" + port).build();
  }
}
