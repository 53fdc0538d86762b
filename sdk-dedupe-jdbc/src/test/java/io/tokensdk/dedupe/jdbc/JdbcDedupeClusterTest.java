package io.tokensdk.dedupe.jdbc;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.dedupe.DedupeClusterContract;
import io.tokensdk.server.jetty.TokenSdkServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import org.postgresql.ds.PGSimpleDataSource;

/** Two instances share one PostgreSQL through the JDBC store. */
class JdbcDedupeClusterTest extends DedupeClusterContract {
  private EmbeddedPostgres own;

  @Override
  protected Class<? extends StoreFactory> storeFactory() {
    return Factory.class;
  }

  @Override
  protected String connection() {
    return Postgres.sharedUrl();
  }

  @Override
  protected String startOwnEngine() {
    own = Postgres.start();
    return own.getJdbcUrl("postgres", "postgres");
  }

  @Override
  protected void stopOwnEngine() throws IOException {
    if (own != null) {
      own.close();
      own = null;
    }
  }

  /** Builds each node's store on the shared database. */
  public static final class Factory implements StoreFactory {
    @Override
    public DedupeStore connect(String url) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url);
      return JdbcDedupeStore.builder(dataSource).createTable(true).build();
    }

    @Override
    public int serve(TokenSdkDispatcher dispatcher) throws IOException {
      return TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
          .workerThreads(64).queueCapacity(256).dispatcher(dispatcher).build().start().port();
    }
  }
}
