package io.tokensdk.benchmarks;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
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
 * Typed round trips on loopback: the SDK's client calling the SDK's host (a fixed-answer handler behind the full
 * dispatcher) against bare OkHttp posting the same bytes to bare Jetty answering fixed bytes. Plain HTTP and mutual
 * TLS; one thread (latency) and 4 and 8 threads (throughput). The hosts run in the benchmark's JVM, or with
 * {@code -p placement=pinned} each in a JVM of its own on a CPU of its own ({@link Hosts}); the CPU time of a round
 * trip ({@link ThreadCpuProfiler#PROCESS}) is the client's and the host's either way.
 * <p>The createToken round trip has two more sides, which split the SDK's cost between its two ends: {@code sdkHost}
 * (bare OkHttp posting the floor's bytes to the SDK's host) and {@code sdkClient} (the SDK's typed call to bare
 * Jetty). The SDK against {@code sdkHost} is the share of its client, against {@code sdkClient} that of its host.
 * {@code 'RoundTripBenchmark.(sdk|floor)_'} selects the pairs alone.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 30)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String API_KEY = HostBenchmark.API_KEY;
  /** The TSP API's base path, as a caller without the SDK writes it. */
  private static final String TSP_BASE = "/tsp/trapi/v1.0";
  /** Where bare OkHttp posts a createToken. */
  private static final String CREATE_TOKEN_PATH = TSP_BASE + "/tokens";

  /** Plain HTTP or mutual TLS. */
  @Param({"plain", "mtls"})
  public String transport;

  /** Where the hosts run: {@code shared} (in this JVM) or {@code pinned} (see {@link Hosts}). */
  @Param({"shared"})
  public String placement;

  private Hosts hosts;
  private TspClient tsp;
  private CofNotificationClient cof;
  private TspClient tspToBare;
  private OkHttpClient bare;
  private String sdkBase;
  private String bareBase;
  private CreateTokenReq createToken;
  private BindingCreationNotification binding;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    boolean mtls = transport.equals("mtls");
    Tls tls = mtls ? new Tls() : null;
    hosts = Hosts.start(placement, tls, API_KEY);
    String scheme = mtls ? "https" : "http";
    sdkBase = scheme + "://127.0.0.1:" + hosts.sdk().port();
    bareBase = scheme + "://127.0.0.1:" + hosts.bare().port();
    ClientConfig.Builder tspToBareConfig = ClientConfig.builder(bareBase + TSP_BASE);
    ClientConfig.Builder tspConfig = ClientConfig.builder(sdkBase + TSP_BASE);
    ClientConfig.Builder cofConfig = ClientConfig.builder(sdkBase + "/tsh-cof")
        .apiKey(API_KEY);
    // the floor keeps as many idle connections as the SDK's pool does: the pair then differs by the SDK's work alone
    OkHttpClient.Builder bareBuilder = new OkHttpClient.Builder().connectionPool(
        new ConnectionPool(ClientConfig.DEFAULT_MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES));
    if (mtls) {
      char[] password = "bench".toCharArray();
      HandshakeCertificates client = tls.clientSide();
      for (ClientConfig.Builder config : new ClientConfig.Builder[] {tspConfig, cofConfig, tspToBareConfig}) {
        config.clientCertificate(tls.clientKeyStore(password), password).trustManager(client.trustManager());
      }
      bareBuilder.sslSocketFactory(client.sslSocketFactory(), client.trustManager());
    }
    tsp = new TspClient(tspConfig.build());
    cof = new CofNotificationClient(cofConfig.build());
    tspToBare = new TspClient(tspToBareConfig.build());
    bare = bareBuilder.build();
    createToken = TokenSdkJson.gson().fromJson(BenchApis.CREATE_TOKEN, CreateTokenReq.class);
    binding = TokenSdkJson.gson().fromJson(BenchApis.BINDING_CREATION, BindingCreationNotification.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    hosts.close();
    bare.dispatcher().executorService().shutdown();
    bare.connectionPool().evictAll();
  }

  @Benchmark
  public CreateTokenRes sdk_createToken() {
    return tsp.createToken(createToken);
  }

  @Benchmark
  public byte[] floor_createToken() throws IOException {
    return post(bareBase, CREATE_TOKEN_PATH, "x-request-id", BenchApis.CREATE_TOKEN_BYTES);
  }

  /** The SDK's host alone: bare OkHttp posting the floor's bytes to it. */
  @Benchmark
  public byte[] sdkHost_createToken() throws IOException {
    return post(sdkBase, CREATE_TOKEN_PATH, "x-request-id", BenchApis.CREATE_TOKEN_BYTES);
  }

  /** The SDK's client alone: its typed call to bare Jetty, which answers the floor's bytes. */
  @Benchmark
  public CreateTokenRes sdkClient_createToken() {
    return tspToBare.createToken(createToken);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public CreateTokenRes sdk_createTokenThroughput4() {
    return tsp.createToken(createToken);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  public byte[] floor_createTokenThroughput4() throws IOException {
    return floor_createToken();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public CreateTokenRes sdk_createTokenThroughput8() {
    return tsp.createToken(createToken);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public byte[] floor_createTokenThroughput8() throws IOException {
    return floor_createToken();
  }

  @Benchmark
  public void sdk_cofNotification() {
    cof.notifyBindingCreation(binding);
  }

  @Benchmark
  public byte[] floor_cofNotification() throws IOException {
    return post(bareBase, "/tsh-cof/notify-binding-creation", "x-correlation-id", BenchApis.BINDING_CREATION_BYTES);
  }

  @Benchmark
  public void sdk_healthCheck() {
    tsp.healthCheck();
  }

  @Benchmark
  public byte[] floor_healthCheck() throws IOException {
    Request request = new Request.Builder().url(bareBase + TSP_BASE + "/healthCheck")
        .header("x-request-id", UUID.randomUUID().toString()).build();
    return exchange(request);
  }

  private byte[] post(String base, String path, String idHeader, byte[] body) throws IOException {
    Request.Builder request = new Request.Builder().url(base + path)
        .header(idHeader, UUID.randomUUID().toString()).post(RequestBody.create(body, JSON));
    if (idHeader.equals("x-correlation-id")) {
      request.header("authorization", "APIKEY " + API_KEY);
    }
    return exchange(request.build());
  }

  private byte[] exchange(Request request) throws IOException {
    try (Response response = bare.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("bare host answered " + response.code());
      }
      return response.body().bytes();
    }
  }
}
