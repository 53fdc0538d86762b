package io.tokensdk.server.dedupe;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.InMemoryDedupeStore;
import io.tokensdk.server.ServerResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A dedupe store for tests that forwards every call to an in-memory store; a test overrides the calls it observes or
 * fails, and calls {@code super} for the rest. Shared through this module's test jar.
 */
public class ForwardingDedupeStore implements DedupeStore {
  private final DedupeStore delegate = new InMemoryDedupeStore();

  @Override
  public Claim claim(String key, String fingerprint, Duration lease) {
    return delegate.claim(key, fingerprint, lease);
  }

  @Override
  public void complete(String key, ServerResponse response) {
    delegate.complete(key, response);
  }

  @Override
  public void release(String key) {
    delegate.release(key);
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    return delegate.awaitChange(key, maxWait);
  }
}
