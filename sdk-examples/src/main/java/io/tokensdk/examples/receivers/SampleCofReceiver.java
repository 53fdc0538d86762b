package io.tokensdk.examples.receivers;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.cof.CofNotificationHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sample merchant receiving COF binding notifications. The SDK checks the APIKEY and drops redelivered notifications
 * (same {@code x-correlation-id}) before they reach this class: see {@link #mountOptions}. Updates may still arrive out
 * of order, so an update older than the one kept is ignored. Thread-safe.
 */
public final class SampleCofReceiver extends CofNotificationHandler {
  private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
  private final AtomicInteger handled = new AtomicInteger();

  /** What the merchant knows of one binding. */
  public record Binding(String merchantId, String tokenId, String deviceId, String state, String updatedAt) {}

  /** The mount options of this receiver: the accepted API key, and the SDK's default dedupe. */
  public static MountOptions mountOptions(String apiKey) {
    return MountOptions.builder().apiKeys(ApiKeys.of(apiKey)).build();
  }

  @Override
  public void notifyBindingCreation(BindingCreationNotification body, RequestContext context) {
    handled.incrementAndGet();
    bindings.putIfAbsent(key(body.getMerchantId(), body.getTokenId(), body.getDeviceId()),
        new Binding(body.getMerchantId(), body.getTokenId(), body.getDeviceId(), "ACTIVE", body.getCreationTimestamp()));
  }

  @Override
  public void notifyBindingUpdate(BindingUpdateNotification body, RequestContext context) {
    handled.incrementAndGet();
    Binding update = new Binding(body.getMerchantId(), body.getTokenId(), body.getDeviceId(),
        body.getBindingStateAsString(), body.getLastUpdateTimestamp());
    bindings.merge(key(body.getMerchantId(), body.getTokenId(), body.getDeviceId()), update,
        (kept, incoming) -> isOlder(incoming.updatedAt(), kept.updatedAt()) ? kept : incoming);
  }

  /** How many notifications reached this handler (duplicates stopped by the SDK are not counted). */
  public int handledCount() {
    return handled.get();
  }

  /** The binding of a token on a device at a merchant. */
  public Optional<Binding> binding(String merchantId, String tokenId, String deviceId) {
    return Optional.ofNullable(bindings.get(key(merchantId, tokenId, deviceId)));
  }

  private static boolean isOlder(String candidate, String kept) {
    // ISO 8601 timestamps of one sender compare correctly as text
    return candidate != null && kept != null && candidate.compareTo(kept) < 0;
  }

  private static String key(String merchantId, String tokenId, String deviceId) {
    return merchantId + "|" + tokenId + "|" + deviceId;
  }
}
