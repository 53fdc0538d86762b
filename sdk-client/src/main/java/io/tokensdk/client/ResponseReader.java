package io.tokensdk.client;

import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ValidationMode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads an answer: a success body leniently into the response type (unknown fields and enum values kept), an error answer
 * into the typed exception of the API, with the retryable flag and {@code Retry-After} of the spec.
 */
final class ResponseReader {
  private final ApiProtocol protocol;
  private final Clock wallClock;

  ResponseReader(ApiProtocol protocol, Clock wallClock) {
    this.protocol = protocol;
    this.wallClock = wallClock;
  }

  /** The outcome of a complete answer; an I/O error while reading the body propagates to the caller. */
  <T> AttemptResult<T> read(String operationId, Response response, Class<T> responseType) throws IOException {
    String text;
    try (ResponseBody body = response.body()) {
      text = body == null ? "" : body.string();
    }
    int status = response.code();
    if (response.isSuccessful()) {
      return parseSuccess(operationId, status, text, responseType);
    }
    Duration retryAfter = RetryAfter.parse(RetryAfterShield.retryAfter(response), wallClock);
    ApiException error = protocol.error(operationId, status, text, retryAfter);
    return error.retryable() ? AttemptResult.failAfter(error, retryAfter) : AttemptResult.fail(error, false);
  }

  private static <T> AttemptResult<T> parseSuccess(String operationId, int status, String text, Class<T> responseType) {
    if (responseType == Void.class) {
      return AttemptResult.ok(null);
    }
    try {
      return AttemptResult.ok(TokenSdkJson.read(TokenSdkJson.parseTree(text), responseType, ValidationMode.LENIENT));
    } catch (MalformedJsonException e) {
      return AttemptResult.fail(new UnexpectedResponseException(operationId, status, "the body is not JSON"), false);
    } catch (SchemaViolationException e) {
      return AttemptResult.fail(new UnexpectedResponseException(operationId, status, e.getMessage()), false);
    }
  }
}
