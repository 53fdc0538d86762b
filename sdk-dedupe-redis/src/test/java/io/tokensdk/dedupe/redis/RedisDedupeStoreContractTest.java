package io.tokensdk.dedupe.redis;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.dedupe.DedupeStoreContract;
import java.time.Duration;

/** The Redis store keeps the dedupe contract on a real redis-server. */
class RedisDedupeStoreContractTest extends DedupeStoreContract {
  @Override
  protected DedupeStore newStore(Duration retention) {
    return RedisDedupeStore.builder(RedisServer.shared().uri()).retention(retention).build();
  }

  @Override
  protected DedupeStore storeWhoseEngineIsDown() {
    RedisServer own = RedisServer.start();
    RedisDedupeStore store = RedisDedupeStore.builder(own.uri()).commandTimeout(Duration.ofSeconds(2)).build();
    store.claim("warm-up", "f", "o1", Duration.ofSeconds(1));
    store.complete("warm-up", "o1", ServerResponse.empty(204));
    own.close();
    return store;
  }
}
