package io.tokensdk.client;

import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ValidationMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
      text = body == null ? "" : text(body, response.header("Content-Type"));
    }
    int status = response.code();
    if (response.isSuccessful()) {
      return parseSuccess(operationId, status, text, responseType);
    }
    Duration retryAfter = RetryAfter.parse(RetryAfterShield.retryAfter(response), wallClock);
    ApiException error = protocol.error(operationId, status, text, retryAfter);
    return error.retryable() ? AttemptResult.failAfter(error, retryAfter) : AttemptResult.fail(error, false);
  }

  /**
   * The body as text. JSON in UTF-8 without a byte-order mark (what the APIs send) is decoded directly; anything else
   * as OkHttp decodes it (the charset of the content type, a byte-order mark). OkHttp parses the content type again on
   * every read, which the common case does not need.
   */
  private static String text(ResponseBody body, String contentType) throws IOException {
    byte[] bytes = body.bytes();
    boolean utf8Json = contentType == null || contentType.equalsIgnoreCase("application/json")
        || contentType.equalsIgnoreCase("application/json; charset=utf-8")
        || contentType.equalsIgnoreCase("application/json;charset=utf-8");
    if (utf8Json && (bytes.length == 0 || !mayStartWithByteOrderMark(bytes[0]))) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return ResponseBody.create(bytes, body.contentType()).string();
  }

  /** The first byte of a UTF-8, UTF-16 or UTF-32 byte-order mark (never the first byte of JSON text in UTF-8). */
  private static boolean mayStartWithByteOrderMark(byte first) {
    return first == (byte) 0xEF || first == (byte) 0xFE || first == (byte) 0xFF || first == 0;
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
