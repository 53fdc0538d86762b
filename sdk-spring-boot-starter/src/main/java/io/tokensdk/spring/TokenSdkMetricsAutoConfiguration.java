package io.tokensdk.spring;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer and a {@link MeterRegistry} bean: records client attempts ({@link MicrometerCallListener}) and the
 * requests the mounted handlers answer ({@link MicrometerServerListener}); clients and handlers pick them up like any
 * {@code CallListener} or {@code ServerListener} bean.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class TokenSdkMetricsAutoConfiguration {
  /** Used by Spring. */
  public TokenSdkMetricsAutoConfiguration() {
  }

  /** The client-side recorder. */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerCallListener tokenSdkMicrometerCallListener(MeterRegistry registry) {
    return new MicrometerCallListener(registry);
  }

  /** The server-side recorder. */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerServerListener tokenSdkMicrometerServerListener(MeterRegistry registry) {
    return new MicrometerServerListener(registry);
  }
}
