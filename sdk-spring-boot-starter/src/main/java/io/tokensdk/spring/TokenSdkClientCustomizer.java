package io.tokensdk.spring;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.spec.SpecId;

/**
 * Adjusts a client's configuration beyond what the properties offer (a proxy, the redacted HTTP log, a user agent).
 * Every bean of this type is called, in {@code @Order}, for each client the starter creates, after the properties are
 * applied.
 */
@FunctionalInterface
public interface TokenSdkClientCustomizer {
  /**
   * @param api the API of the client being built
   * @param builder the builder, with the properties already applied
   */
  void customize(SpecId api, ClientConfig.Builder builder);
}
