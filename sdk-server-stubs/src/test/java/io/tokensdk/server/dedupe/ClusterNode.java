package io.tokensdk.server.dedupe;

import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.tsp.TspHandler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * One server instance of a cluster test, run in a JVM of its own so that the test can kill it like a crashed
 * instance. It serves a TSP with the shared store on the host the factory starts, prints {@code PORT <n>} when it
 * listens and {@code HANDLED <x-request-id>} each time {@code createToken} runs; each run issues a new token id.
 *
 * <p>Arguments: the {@link DedupeClusterContract.StoreFactory} class, the store's connection string, the mode
 * ({@code answer}: the handler works a moment and answers; {@code hang}: it never returns), the duplicate wait and the
 * claim lease (ms).
 */
public final class ClusterNode {
  private ClusterNode() {
  }

  /** Starts the node; it runs until it is killed. */
  public static void main(String[] args) throws Exception {
    DedupeClusterContract.StoreFactory factory = (DedupeClusterContract.StoreFactory)
        Class.forName(args[0]).getDeclaredConstructor().newInstance();
    DedupeStore store = factory.connect(args[1]);
    boolean hang = args[2].equals("hang");
    PrintStream out = System.out;
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder()
        .mount(new Tsp(out, hang), MountOptions.builder()
            .dedupeStore(store)
            .duplicateWait(Duration.ofMillis(Long.parseLong(args[3])))
            .claimLease(Duration.ofMillis(Long.parseLong(args[4])))
            .build())
        .build();
    int port = factory.serve(dispatcher);
    synchronized (out) {
      out.println("PORT " + port);
      out.flush();
    }
    new CountDownLatch(1).await();
  }

  /** Announces each createToken, then issues a token after a moment of work, or never answers. */
  private static final class Tsp extends TspHandler {
    private final PrintStream out;
    private final boolean hang;

    Tsp(PrintStream out, boolean hang) {
      this.out = out;
      this.hang = hang;
    }

    @Override
    public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) throws Exception {
      synchronized (out) {
        out.println("HANDLED " + ctx.requestId().orElse("-"));
        out.flush();
      }
      if (hang) {
        new CountDownLatch(1).await();
      }
      Thread.sleep(300); // the work a real TSP does; duplicates arrive meanwhile
      return new CreateTokenRes().tokenId("tok-" + UUID.randomUUID().toString().substring(0, 8))
          .tokenInfo(new TokenInfo());
    }

    @Override
    public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) {
      throw new UnsupportedOperationException("not used by the cluster test");
    }

    @Override
    public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) {
      throw new UnsupportedOperationException("not used by the cluster test");
    }

    @Override
    public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx) {
      throw new UnsupportedOperationException("not used by the cluster test");
    }

    @Override
    public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
      throw new UnsupportedOperationException("not used by the cluster test");
    }

    @Override
    public void healthCheck(RequestContext ctx) {
      throw new UnsupportedOperationException("not used by the cluster test");
    }
  }
}
