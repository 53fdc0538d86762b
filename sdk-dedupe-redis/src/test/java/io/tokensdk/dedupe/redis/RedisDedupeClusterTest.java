package io.tokensdk.dedupe.redis;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.dedupe.DedupeClusterContract;
import io.tokensdk.server.jetty.TokenSdkServer;
import java.io.IOException;
import java.net.InetAddress;

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

    @Override
    public int serve(TokenSdkDispatcher dispatcher) throws IOException {
      return TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
          .workerThreads(64).queueCapacity(256).dispatcher(dispatcher).build().start().port();
    }
  }
}
