package io.tokensdk.dedupe.redis;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.dedupe.DedupeClusterContract;

/** Two instances share one redis-server through the Redis store. */
class RedisDedupeClusterTest extends DedupeClusterContract {
  private RedisServer own;

  @Override
  protected Class<? extends StoreFactory> storeFactory() {
    return Factory.class;
  }

  @Override
  protected String connection() {
    return RedisServer.shared().uri();
  }

  @Override
  protected String startOwnEngine() {
    own = RedisServer.start();
    return own.uri();
  }

  @Override
  protected void stopOwnEngine() {
    if (own != null) {
      own.close();
      own = null;
    }
  }

  /** Builds each node's store on the shared server. */
  public static final class Factory implements StoreFactory {
    @Override
    public DedupeStore connect(String uri) {
      return RedisDedupeStore.builder(uri).build();
    }
  }
}
