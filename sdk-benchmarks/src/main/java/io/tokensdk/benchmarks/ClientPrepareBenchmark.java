package io.tokensdk.benchmarks;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client's share of a createToken, without the network: the typed call validates the request, serialises it, runs
 * it through OkHttp to an interceptor that answers the fixed createToken bytes at once, and reads the answer back into
 * the model. The floor makes the same OkHttp call to the same interceptor with plain Gson on both sides, so the ratio is
 * the SDK's own share: validation, ids, retries, listener and log.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientPrepareBenchmark {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private TspClient tsp;
  private OkHttpClient answering;
  private CreateTokenReq request;

  @Setup(Level.Trial)
  public void setUp() {
    answering = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .header("x-request-id", chain.request().header("x-request-id"))
        .body(ResponseBody.create(BenchApis.CREATED_BYTES, JSON)).build()).build();
    tsp = new TspClient(ClientConfig.builder("http://127.0.0.1:9/tsp/trapi/v1.0").httpClient(answering)
        .retryPolicy(RetryPolicy.NONE).build());
    request = TokenSdkJson.gson().fromJson(BenchApis.CREATE_TOKEN, CreateTokenReq.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    tsp.close();
  }

  @Benchmark
  public CreateTokenRes sdk_clientPrepare() {
    return tsp.createToken(request);
  }

  @Benchmark
  public CreateTokenRes floor_clientPrepare() throws java.io.IOException {
    Request call = new Request.Builder().url("http://127.0.0.1:9/tsp/trapi/v1.0/tokens")
        .header("x-request-id", java.util.UUID.randomUUID().toString())
        .post(RequestBody.create(TokenSdkJson.gson().toJson(request), JSON)).build();
    try (Response response = answering.newCall(call).execute()) {
      return TokenSdkJson.gson().fromJson(response.body().charStream(), CreateTokenRes.class);
    }
  }
}
