package io.tokensdk.server.dedupe;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.cof.CofNotificationHandler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One server instance of a cluster test, run in a JVM of its own so that the test can kill it like a crashed
 * instance. It serves a COF receiver with the shared store on the host the factory starts, prints {@code PORT <n>} when it listens and
 * {@code HANDLED <x-correlation-id>} each time the handler runs.
 *
 * <p>Arguments: the {@link DedupeClusterContract.StoreFactory} class, the store's connection string, the mode
 * ({@code answer}: the handler works a moment and answers; {@code hang}: it never returns) and the duplicate wait (ms).
 */
public final class ClusterNode {
  /** The API key the nodes accept (a test value). */
  public static final String API_KEY = "cluster-test-api-key-not-a-secret";

  private ClusterNode() {
  }

  /** Starts the node; it runs until it is killed. */
  public static void main(String[] args) throws Exception {
    DedupeClusterContract.StoreFactory factory = (DedupeClusterContract.StoreFactory)
        Class.forName(args[0]).getDeclaredConstructor().newInstance();
    DedupeStore store = factory.connect(args[1]);
    boolean hang = args[2].equals("hang");
    Duration duplicateWait = Duration.ofMillis(Long.parseLong(args[3]));
    PrintStream out = System.out;
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder()
        .mount(new Receiver(out, hang), MountOptions.builder()
            .apiKeys(ApiKeys.of(API_KEY))
            .dedupeStore(store)
            .duplicateWait(duplicateWait)
            .claimLease(duplicateWait.multipliedBy(6))
            .build())
        .build();
    int port = factory.serve(dispatcher);
    synchronized (out) {
      out.println("PORT " + port);
      out.flush();
    }
    new CountDownLatch(1).await();
  }

  /** Announces each run, then answers after a moment of work, or never. */
  private static final class Receiver extends CofNotificationHandler {
    private final PrintStream out;
    private final boolean hang;

    Receiver(PrintStream out, boolean hang) {
      this.out = out;
      this.hang = hang;
    }

    @Override
    public void notifyBindingCreation(BindingCreationNotification body, RequestContext ctx) throws Exception {
      synchronized (out) {
        out.println("HANDLED " + ctx.correlationId().orElse("-"));
        out.flush();
      }
      if (hang) {
        new CountDownLatch(1).await();
      }
      Thread.sleep(300); // the work a real receiver does; duplicates arrive meanwhile
    }

    @Override
    public void notifyBindingUpdate(BindingUpdateNotification body, RequestContext ctx) {
      throw new UnsupportedOperationException("not used by the cluster test");
    }
  }
}
