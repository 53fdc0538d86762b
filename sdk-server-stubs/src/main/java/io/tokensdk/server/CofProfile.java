package io.tokensdk.server;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.function.Supplier;
import io.tokensdk.model.cof.CofError;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;

/**
 * COF: answers have no body; the status is the error (the spec's {@link CofError} table). 204 success, 400 invalid, 401
 * without a valid API key, typed statuses from {@link CofErrorException}, 500 when unexpected, 503 to retry later.
 */
final class CofProfile extends ApiProfile {
  private static final String SCHEME = "APIKEY ";

  CofProfile() {
    super(SpecId.COF);
  }

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
    return ok ? null : answer(CofError.UNAUTHORIZED);
  }

  @Override
  ServerResponse invalid(Violation first, JsonElement body) {
    return answer(CofError.BAD_REQUEST);
  }

  @Override
  ServerResponse malformed() {
    return answer(CofError.BAD_REQUEST);
  }

  @Override
  Object successBody(SpecOperation operation, Object result, Supplier<JsonElement> body) {
    return null;
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
      return answer(CofError.NOT_FOUND);
    }
    return null;
  }

  @Override
  ServerResponse unexpected(JsonElement body) {
    return answer(CofError.INTERNAL_SERVER_ERROR);
  }

  @Override
  ServerResponse retryLater(Duration retryAfter, JsonElement body) {
    return answer(CofError.SERVICE_UNAVAILABLE).withHeader("Retry-After", seconds(retryAfter));
  }

  private static ServerResponse answer(CofError error) {
    return ServerResponse.empty(error.httpStatus());
  }
}
