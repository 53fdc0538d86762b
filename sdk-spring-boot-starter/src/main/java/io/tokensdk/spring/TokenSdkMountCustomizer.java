package io.tokensdk.spring;

import io.tokensdk.server.MountOptions;
import io.tokensdk.spec.SpecId;

/**
 * Adjusts how a handler bean is mounted beyond what the properties offer, above all the exception mappers that turn
 * the application's own exceptions into the API's typed answers. Every bean of this type is called, in {@code @Order},
 * for each handler the starter mounts, after the properties and the {@code DedupeStore} and {@code ApiKeys} beans are
 * applied.
 *
 * <pre>{@code
 * @Bean
 * TokenSdkMountCustomizer tokenErrors() {
 *   return (api, options) -> options.mapException(TokenNotFound.class,
 *       e -> new TspErrorException(TspResponseCode.UNKNOWN_TOKEN));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TokenSdkMountCustomizer {
  /**
   * @param api the API of the handler being mounted
   * @param options the mount's options, with the properties already applied
   */
  void customize(SpecId api, MountOptions.Builder options);
}
