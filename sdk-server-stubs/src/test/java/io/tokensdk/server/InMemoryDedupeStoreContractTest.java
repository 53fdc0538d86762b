package io.tokensdk.server;

import io.tokensdk.server.dedupe.DedupeStoreContract;
import java.time.Duration;

/** The in-memory store keeps the contract every shared store keeps. */
class InMemoryDedupeStoreContractTest extends DedupeStoreContract {
  @Override
  protected DedupeStore newStore(Duration retention) {
    return new InMemoryDedupeStore(InMemoryDedupeStore.DEFAULT_MAX_ENTRIES, retention);
  }

  @Override
  protected DedupeStore storeWhoseEngineIsDown() {
    return null;
  }

  @Override
  protected boolean isShared() {
    return false;
  }
}
