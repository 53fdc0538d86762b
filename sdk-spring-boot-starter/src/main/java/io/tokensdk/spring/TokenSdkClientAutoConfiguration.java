package io.tokensdk.spring;

import io.tokensdk.client.CallListener;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.spec.SpecId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Creates a {@link TspClient}, {@link CofNotificationClient} or {@link PatNotificationClient} bean for each API whose
 * {@code tokensdk.<api>.base-url} is set (and no bean of that type exists yet). Each client reports its attempts to
 * every {@link CallListener} bean (the starter adds a Micrometer one when there is a {@code MeterRegistry}) and is
 * closed with the context.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(TspClient.class)
@EnableConfigurationProperties(TokenSdkProperties.class)
public class TokenSdkClientAutoConfiguration {
  /** Used by Spring. */
  public TokenSdkClientAutoConfiguration() {
  }

  @Bean
  ClientConfigFactory tokenSdkClientConfigFactory(ObjectProvider<SslBundles> sslBundles,
      ObjectProvider<CallListener> listeners, ObjectProvider<TokenSdkClientCustomizer> customizers) {
    return new ClientConfigFactory(sslBundles.getIfAvailable(), listeners.orderedStream().toList(),
        customizers.orderedStream().toList());
  }

  /** The TSP client, when {@code tokensdk.tsp.base-url} is set. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "tokensdk.tsp", name = "base-url")
  public TspClient tspClient(TokenSdkProperties properties, ClientConfigFactory configs) {
    return new TspClient(configs.create(SpecId.TSP, properties.getTsp(), null));
  }

  /** The COF notification client, when {@code tokensdk.cof.base-url} is set; it needs {@code tokensdk.cof.api-key}. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "tokensdk.cof", name = "base-url")
  public CofNotificationClient cofNotificationClient(TokenSdkProperties properties, ClientConfigFactory configs) {
    String apiKey = properties.getCof().getApiKey();
    if (apiKey == null || apiKey.isBlank()) {
      throw new TokenSdkPropertyException("tokensdk.cof.api-key",
          "is required by the COF API (sent as 'authorization: APIKEY <key>'); set it, e.g. from TOKENSDK_COF_API_KEY");
    }
    return new CofNotificationClient(configs.create(SpecId.COF, properties.getCof(), apiKey));
  }

  /** The PAT notification client, when {@code tokensdk.pat.base-url} is set. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "tokensdk.pat", name = "base-url")
  public PatNotificationClient patNotificationClient(TokenSdkProperties properties, ClientConfigFactory configs) {
    return new PatNotificationClient(configs.create(SpecId.PAT, properties.getPat(), null));
  }
}
