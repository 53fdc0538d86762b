package io.tokensdk.server;

import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecOperation;
import java.util.Map;

/**
 * Benchmark-only access to the two ends of a mount, for one operation: the {@link RequestReader} and the
 * {@link ResponseWriter} exactly as {@link Mount} builds and calls them (default mount options). It lives in the
 * dispatcher's package so that the benchmarks need no public API of their own.
 */
public final class ServerParts {
  private final RequestReader reader;
  private final ResponseWriter writer;
  private final SpecOperation operation;

  /** The reader and writer of {@code handler}'s mount, for the operation {@code operationId}. */
  public ServerParts(ApiHandler handler, String operationId) {
    ApiSpec spec = ApiSpec.of(handler.spec());
    ApiProfile profile = ApiProfile.of(handler.spec());
    this.reader = new RequestReader(handler, spec, profile, MountOptions.defaults().nullAsAbsent());
    this.writer = new ResponseWriter(spec, profile);
    this.operation = spec.operation(operationId).orElseThrow();
  }

  /**
   * Reads {@code request} as the mount does once it is routed and authenticated: the repeated-header check, then the
   * headers, content type, UTF-8, JSON, screen and strict validation of the body, bound to its model.
   *
   * @return the model the handler would get
   * @throws IllegalStateException when the request is refused
   */
  public Object read(ServerRequest request) {
    ServerResponse refused = reader.repeatedHeader(request, operation);
    if (refused != null) {
      throw new IllegalStateException("refused: " + refused.status());
    }
    RequestReader.Result read = reader.read(request, operation, Map.of(), TokenSdkDispatcher.DEFAULT_MAX_BODY_BYTES);
    if (read.refusal() != null) {
      throw new IllegalStateException("refused: " + read.refusal().status());
    }
    return read.request().model();
  }

  /** The success answer to {@code result}, as the mount writes it (validated against the response schema). */
  public ServerResponse write(Object result) {
    return writer.success(operation, result, () -> null);
  }
}
