package io.tokensdk.benchmarks;

import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.server.ServerParts;
import io.tokensdk.server.ServerRequest;
import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.TokenSdkDispatcher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's share of a createToken, without HTTP, in three pairs:
 * <ul>
 *   <li>{@code serverRead}: what the dispatcher runs to read the request once it is routed (headers, content type,
 *       UTF-8, JSON, strict validation, the model), against {@code Gson.fromJson} of the same bytes;</li>
 *   <li>{@code serverWrite}: the success answer written from the handler's model (validated against the response
 *       schema), against {@code Gson.toJson} of the same model, to bytes;</li>
 *   <li>{@code serverDispatch}: the whole dispatcher (route, read, dedupe with a fresh {@code x-request-id} each time,
 *       a fixed-answer handler, write), against plain Gson reading the body and writing the answer.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServerReadBenchmark {
  private final TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder().mount(new BenchApis.FixedTsp()).build();
  private final AtomicLong ids = new AtomicLong();
  private final CreateTokenRes answer = new BenchApis.FixedTsp().createToken(null, null);
  private final ServerParts parts = new ServerParts(new BenchApis.FixedTsp(), "createToken");
  private final MemoryRequest createToken = new MemoryRequest("POST", "/tsp/trapi/v1.0/tokens",
      Map.of("content-type", "application/json", "x-request-id", "req-1"), BenchApis.CREATE_TOKEN_BYTES);

  @Benchmark
  public Object sdk_serverRead() {
    return parts.read(createToken);
  }

  @Benchmark
  public CreateTokenReq floor_serverRead() {
    return TokenSdkJson.gson().fromJson(new String(BenchApis.CREATE_TOKEN_BYTES, StandardCharsets.UTF_8),
        CreateTokenReq.class);
  }

  @Benchmark
  public ServerResponse sdk_serverWrite() {
    return parts.write(answer);
  }

  @Benchmark
  public byte[] floor_serverWrite() {
    return TokenSdkJson.gson().toJson(answer).getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public ServerResponse sdk_serverDispatch() {
    ServerResponse response = dispatcher.handle(new MemoryRequest("POST", "/tsp/trapi/v1.0/tokens",
        Map.of("content-type", "application/json", "x-request-id", "req-" + ids.incrementAndGet()),
        BenchApis.CREATE_TOKEN_BYTES));
    if (!response.isSuccess()) {
      throw new IllegalStateException("createToken answered " + response.status());
    }
    return response;
  }

  @Benchmark
  public String floor_serverDispatch() {
    CreateTokenReq request = TokenSdkJson.gson().fromJson(
        new String(BenchApis.CREATE_TOKEN_BYTES, StandardCharsets.UTF_8), CreateTokenReq.class);
    return request.getIssuerId() == null ? null : TokenSdkJson.gson().toJson(answer);
  }

  /** A request held in memory. */
  record MemoryRequest(String method, String rawPath, Map<String, String> headers, byte[] bytes)
      implements ServerRequest {
    @Override
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public InputStream body() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public InetSocketAddress remoteAddress() {
      return null;
    }

    @Override
    public List<X509Certificate> clientCertificates() {
      return List.of();
    }
  }
}
