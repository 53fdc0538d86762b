package io.tokensdk.spring;

import io.tokensdk.client.tsp.TspClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot's health support (Actuator): {@code tokensdkTspClient} (the TSP's {@code healthCheck}),
 * {@code tokensdkCofClient} and {@code tokensdkPatClient} (reachability of the base URL), and {@code tokensdkHandlers}
 * (one entry per mounted handler, by API).
 */
@AutoConfiguration(after = {TokenSdkClientAutoConfiguration.class, TokenSdkServerAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
public class TokenSdkHealthAutoConfiguration {
  /** Used by Spring. */
  public TokenSdkHealthAutoConfiguration() {
  }

  /** The TSP client's health. */
  @Bean
  @ConditionalOnBean(TspClient.class)
  public HealthIndicator tokensdkTspClientHealthIndicator(TspClient client) {
    return new TspClientHealthIndicator(client);
  }

  /** The COF client's health. */
  @Bean
  @ConditionalOnProperty(prefix = "tokensdk.cof", name = "base-url")
  public HealthIndicator tokensdkCofClientHealthIndicator(TokenSdkProperties properties) {
    return reachability("tokensdk.cof.base-url", properties.getCof());
  }

  /** The PAT client's health. */
  @Bean
  @ConditionalOnProperty(prefix = "tokensdk.pat", name = "base-url")
  public HealthIndicator tokensdkPatClientHealthIndicator(TokenSdkProperties properties) {
    return reachability("tokensdk.pat.base-url", properties.getPat());
  }

  /** The mounted handlers' health. */
  @Bean
  @ConditionalOnBean(TokenSdkServletRegistration.class)
  public CompositeHealthContributor tokensdkHandlersHealthContributor(List<TokenSdkServletRegistration> registrations) {
    Map<String, HealthContributor> handlers = new LinkedHashMap<>();
    registrations.forEach(registration -> handlers.put(registration.api().id(),
        new MountedHandlerHealthIndicator(registration)));
    return CompositeHealthContributor.fromMap(handlers);
  }

  private static HealthIndicator reachability(String property, TokenSdkProperties.Client client) {
    return new ReachabilityHealthIndicator(ClientConfigFactory.checkedUrl(property, client.getBaseUrl()),
        client.getConnectTimeout());
  }
}
