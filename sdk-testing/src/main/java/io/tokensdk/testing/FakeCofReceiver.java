package io.tokensdk.testing;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.cof.CofNotificationHandler;

/**
 * A fake merchant receiving COF binding notifications: it checks {@code authorization: APIKEY} against
 * {@link TestKeys#apiKey()} (else 401), dedupes redeliveries, and accepts every valid notification with 204.
 * {@link #clientConfig()} carries the API key.
 */
public final class FakeCofReceiver extends FakeApi {
  /**
   * Starts a fake COF receiver on a free loopback port.
   *
   * @param keys the throwaway keys (the API key among them)
   * @param tls whether to serve TLS with a required client certificate
   */
  public FakeCofReceiver(TestKeys keys, boolean tls) {
    super(keys, tls, Accepting::new, MountOptions.builder().apiKeys(ApiKeys.of(keys.apiKey())).build());
  }

  @Override
  public ClientConfig.Builder clientConfig() {
    return super.clientConfig().apiKey(keys().apiKey());
  }

  /** Accepts every notification; the recording layer keeps them. */
  private static final class Accepting extends CofNotificationHandler {
    @Override
    public void notifyBindingCreation(BindingCreationNotification notification, RequestContext context) {
    }

    @Override
    public void notifyBindingUpdate(BindingUpdateNotification notification, RequestContext context) {
    }
  }
}
