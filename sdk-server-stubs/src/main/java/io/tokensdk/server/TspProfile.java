package io.tokensdk.server;

import com.google.gson.JsonElement;
import java.time.Duration;
import java.util.function.Supplier;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.tsp.ErrorRes;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;

/**
 * TSP: errors are {@code errorRes} with the HTTP status of the spec's code table (111 missing, 112 bad format, business
 * codes; 921 when unexpected); 503 without a body when the handler asks the caller to retry later.
 */
final class TspProfile extends ApiProfile {
  TspProfile() {
    super(SpecId.TSP);
  }

  @Override
  ServerResponse invalid(Violation first, JsonElement body) {
    TspResponseCode code = first.kind() == Violation.Kind.MISSING
        ? TspResponseCode.MISSING_MANDATORY_PARAMETER : TspResponseCode.BAD_PARAMETER_FORMAT;
    return error(code, first.message());
  }

  @Override
  ServerResponse malformed() {
    return error(TspResponseCode.BAD_PARAMETER_FORMAT, "bad parameter format: body (malformed JSON)");
  }

  @Override
  Object successBody(SpecOperation operation, Object result, Supplier<JsonElement> body) {
    return result;
  }

  @Override
  ServerResponse businessError(Exception error, JsonElement body) {
    if (error instanceof TspErrorException tsp) {
      return error(tsp.httpStatus(), tsp.responseCode(), tsp.getMessage());
    }
    if (error instanceof OperationNotSupportedException notSupported) {
      return error(TspResponseCode.OPERATION_FAILED,
          "Operation failed: " + notSupported.operationId() + " is not supported by this TSP");
    }
    return null;
  }

  @Override
  ServerResponse retryLater(Duration retryAfter, JsonElement body) {
    return ServerResponse.empty(503).withHeader("Retry-After", seconds(retryAfter));
  }

  @Override
  ServerResponse unexpected(JsonElement body) {
    TspResponseCode code = TspResponseCode.UNEXPECTED_SERVER_ERROR;
    return error(code, code.description());
  }

  private static ServerResponse error(TspResponseCode code, String message) {
    return error(code.httpStatus(), code.code(), message);
  }

  private static ServerResponse error(int status, int code, String message) {
    return ServerResponse.json(status, TokenSdkJson.write(new ErrorRes().responseCode(code).errorMessage(message)));
  }
}
