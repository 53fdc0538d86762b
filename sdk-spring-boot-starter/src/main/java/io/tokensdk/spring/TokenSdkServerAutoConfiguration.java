package io.tokensdk.spring;

import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.HandlerErrorHook;
import io.tokensdk.server.ServerListener;
import io.tokensdk.server.cof.CofNotificationHandler;
import io.tokensdk.server.pat.PatNotificationHandler;
import io.tokensdk.server.tsp.TspHandler;
import io.tokensdk.spec.SpecId;
import jakarta.servlet.Servlet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Serves every {@link TspHandler}, {@link CofNotificationHandler} and {@link PatNotificationHandler} bean inside the
 * application's own servlet web server, each at its spec's base path (or {@code tokensdk.server.<api>.path}). API keys
 * come from {@code tokensdk.server.cof.api-keys} or an {@link ApiKeys} bean, the dedupe store from a
 * {@link DedupeStore} bean (in memory otherwise), the body limit from {@code tokensdk.server.max-body-size}. Every
 * {@link ServerListener} bean observes the answered requests (the starter adds a Micrometer one when there is a
 * {@code MeterRegistry}); a {@link HandlerErrorHook} bean receives the handlers' failures; {@link TokenSdkMountCustomizer} beans adjust each mount
 * (exception mappers). TLS, mutual TLS included, is
 * the web server's: {@code server.ssl.bundle} and {@code server.ssl.client-auth=need}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Servlet.class)
@EnableConfigurationProperties(TokenSdkProperties.class)
public class TokenSdkServerAutoConfiguration {
  /** Used by Spring. */
  public TokenSdkServerAutoConfiguration() {
  }

  @Bean
  HandlerMounter tokenSdkHandlerMounter(TokenSdkProperties properties, ObjectProvider<DedupeStore> dedupeStore,
      ObjectProvider<ApiKeys> apiKeys, ObjectProvider<ServerListener> listeners,
      ObjectProvider<HandlerErrorHook> errorHook, ObjectProvider<TokenSdkMountCustomizer> customizers) {
    return new HandlerMounter(properties.getServer(), dedupeStore.getIfUnique(), apiKeys.getIfUnique(),
        CompositeServerListener.of(listeners.orderedStream().toList()), errorHook.getIfUnique(),
        customizers.orderedStream().toList());
  }

  /** The servlet of the {@link TspHandler} bean. */
  @Bean
  @ConditionalOnBean(TspHandler.class)
  public TokenSdkServletRegistration tokenSdkTspServlet(HandlerMounter mounter, ListableBeanFactory beans) {
    return mounter.mount(SpecId.TSP, beans.getBeansOfType(TspHandler.class));
  }

  /** The servlet of the {@link CofNotificationHandler} bean; it needs API keys. */
  @Bean
  @ConditionalOnBean(CofNotificationHandler.class)
  public TokenSdkServletRegistration tokenSdkCofServlet(HandlerMounter mounter, ListableBeanFactory beans) {
    return mounter.mount(SpecId.COF, beans.getBeansOfType(CofNotificationHandler.class));
  }

  /** The servlet of the {@link PatNotificationHandler} bean. */
  @Bean
  @ConditionalOnBean(PatNotificationHandler.class)
  public TokenSdkServletRegistration tokenSdkPatServlet(HandlerMounter mounter, ListableBeanFactory beans) {
    return mounter.mount(SpecId.PAT, beans.getBeansOfType(PatNotificationHandler.class));
  }
}
