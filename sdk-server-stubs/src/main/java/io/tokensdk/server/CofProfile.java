package io.tokensdk.server;

import com.google.gson.JsonElement;
import java.time.Duration;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;

/**
 * COF: answers have no body. 204 success, 400 invalid, 401 without a valid API key, typed statuses from
 * {@link CofErrorException}, 500 when unexpected, 503 for a duplicate still in progress. Dedupes by
 * {@code x-correlation-id}.
 */
final class CofProfile extends ApiProfile {
  private static final String CORRELATION_ID = "x-correlation-id";
  private static final String SCHEME = "APIKEY ";

  @Override
  void check(MountOptions options) {
    if (options.apiKeys() == null) {
      throw new IllegalStateException("a COF handler needs MountOptions.apiKeys: the spec requires authorization");
    }
  }

  @Override
  ServerResponse authenticate(ServerRequest request, MountOptions options) {
    String header = request.header("authorization");
    boolean ok = header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        && options.apiKeys().matches(header.substring(SCHEME.length()));
    return ok ? null : ServerResponse.empty(401);
  }

  @Override
  ServerResponse invalid(Violation first, JsonElement body) {
    return ServerResponse.empty(400);
  }

  @Override
  ServerResponse malformed() {
    return ServerResponse.empty(400);
  }

  @Override
  ServerResponse success(SpecOperation operation, Object result, JsonElement body) {
    return ServerResponse.empty(operation.successStatus());
  }

  @Override
  ServerResponse businessError(Exception error, JsonElement body) {
    if (error instanceof CofErrorException cof) {
      ServerResponse response = ServerResponse.empty(cof.status());
      return cof.retryAfter()
          .map(d -> response.withHeader("Retry-After", seconds(d)))
          .orElse(response);
    }
    if (error instanceof OperationNotSupportedException) {
      return ServerResponse.empty(404);
    }
    return null;
  }

  @Override
  ServerResponse unexpected(JsonElement body) {
    return ServerResponse.empty(500);
  }

  @Override
  ServerResponse retryLater(Duration retryAfter, JsonElement body) {
    return ServerResponse.empty(503).withHeader("Retry-After", seconds(retryAfter));
  }

  @Override
  String dedupeKey(ServerRequest request, JsonElement body) {
    return request.header(CORRELATION_ID);
  }
}
