package io.tokensdk.benchmarks;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded host under concurrency: the same bare OkHttp client drives the SDK's host and bare Jetty serving fixed
 * bytes, at 16 and 256 connections, plain and mutual TLS. Counts what a payment endpoint must never do: reset a
 * request ({@code resets}); and what overload may legitimately answer: the spec's retryable answer ({@code rejected}).
 * Goodput is {@code ok} per second. By default each host runs in its own JVM, pinned to one CPU, and the clients on the
 * other ({@link PinnedHost}).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HostBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  /** The merchant's API key, for the COF notification. */
  static final String API_KEY = "bench-api-key-0123456789";

  /** Plain HTTP or mutual TLS. */
  @Param({"plain", "mtls"})
  public String transport;

  /** Which operation. */
  @Param({"healthCheck", "cofNotification", "createToken"})
  public String operation;

  /**
   * Where the hosts run: {@code pinned}, each in its own JVM on CPU 0 with the clients on CPU 1 (needs {@code taskset}
   * and 2 CPUs); or {@code shared}, in the clients' JVM, all threads on all CPUs.
   */
  @Param({"pinned"})
  public String placement;

  private Hosts hosts;
  private OkHttpClient client;
  private String sdkBase;
  private String bareBase;

  /** Per-thread outcome counts, reported per second beside the throughput. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Outcomes {
    /** Answered with success. */
    public long ok;
    /** Answered with the spec's retryable answer (overload). */
    public long rejected;
    /** Reset or cut off without an answer. */
    public long resets;

    @Setup(Level.Iteration)
    public void clear() {
      ok = 0;
      rejected = 0;
      resets = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    boolean mtls = transport.equals("mtls");
    Tls tls = mtls ? new Tls() : null;
    hosts = Hosts.start(placement, tls, API_KEY);
    OkHttpClient.Builder builder = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(300, 1, TimeUnit.MINUTES));
    if (mtls) {
      HandshakeCertificates client = tls.clientSide();
      builder.sslSocketFactory(client.sslSocketFactory(), client.trustManager());
    }
    client = builder.build();
    String scheme = mtls ? "https" : "http";
    sdkBase = scheme + "://127.0.0.1:" + hosts.sdk().port();
    bareBase = scheme + "://127.0.0.1:" + hosts.bare().port();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    hosts.close();
    client.connectionPool().evictAll();
  }

  @Benchmark
  @Threads(16)
  public void sdk_connections16(Outcomes outcomes) {
    exchange(sdkBase, outcomes);
  }

  @Benchmark
  @Threads(16)
  public void floor_connections16(Outcomes outcomes) {
    exchange(bareBase, outcomes);
  }

  @Benchmark
  @Threads(256)
  public void sdk_connections256(Outcomes outcomes) {
    exchange(sdkBase, outcomes);
  }

  @Benchmark
  @Threads(256)
  public void floor_connections256(Outcomes outcomes) {
    exchange(bareBase, outcomes);
  }

  private void exchange(String base, Outcomes outcomes) {
    Request.Builder request = new Request.Builder();
    String id = UUID.randomUUID().toString();
    switch (operation) {
      case "healthCheck" -> request.url(base + "/tsp/trapi/v1.0/healthCheck").header("x-request-id", id);
      case "cofNotification" -> request.url(base + "/tsh-cof/notify-binding-creation").header("x-correlation-id", id)
          .header("authorization", "APIKEY " + API_KEY).post(RequestBody.create(BenchApis.BINDING_CREATION_BYTES, JSON));
      default -> request.url(base + "/tsp/trapi/v1.0/tokens").header("x-request-id", id)
          .post(RequestBody.create(BenchApis.CREATE_TOKEN_BYTES, JSON));
    }
    try (Response response = client.newCall(request.build()).execute()) {
      response.body().bytes();
      if (response.isSuccessful()) {
        outcomes.ok++;
      } else {
        outcomes.rejected++;
      }
    } catch (IOException e) {
      outcomes.resets++;
    }
  }
}
