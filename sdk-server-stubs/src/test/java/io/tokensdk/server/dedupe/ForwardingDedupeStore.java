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
  public Claim claim(String key, String fingerprint, String owner, Duration lease) {
    return delegate.claim(key, fingerprint, owner, lease);
  }

  @Override
  public boolean complete(String key, String owner, ServerResponse response) {
    return delegate.complete(key, owner, response);
  }

  @Override
  public boolean release(String key, String owner) {
    return delegate.release(key, owner);
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    return delegate.awaitChange(key, maxWait);
  }
}
