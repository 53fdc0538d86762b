package io.tokensdk.client;

import com.google.gson.JsonElement;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ValidationMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Reads an answer: a success body leniently into the response type (unknown fields and enum values kept), an error answer
 * into the typed exception of the API, with the retryable flag and {@code Retry-After} of the spec. A success body is
 * first read in one pass (from its bytes when it is UTF-8, as the APIs send it) straight into its model, checked strictly on the way
 * ({@link TokenSdkJson#readConforming}); only what that pass cannot vouch for (an unknown enum value, a null, a
 * violation, malformed JSON...) is parsed into a tree, validated leniently and bound, as before.
 */
final class ResponseReader {
  private static final byte[] EMPTY = new byte[0];

  private final ApiProtocol protocol;
  private final Clock wallClock;

  ResponseReader(ApiProtocol protocol, Clock wallClock) {
    this.protocol = protocol;
    this.wallClock = wallClock;
  }

  /** The outcome of a complete answer; an I/O error while reading the body propagates to the caller. */
  <T> AttemptResult<T> read(String operationId, Response response, Class<T> responseType) throws IOException {
    ResponseBody body = response.body();
    byte[] bytes;
    try (body) {
      bytes = body == null ? EMPTY : body.bytes();
    }
    int status = response.code();
    if (response.isSuccessful() && responseType == Void.class) {
      return AttemptResult.ok(null);
    }
    boolean utf8 = body == null || isUtf8Json(bytes, response.header("Content-Type"));
    if (response.isSuccessful()) {
      // JSON in UTF-8, the common answer, is read in one pass from its bytes; an answer in another charset from its text
      String decoded = utf8 ? null : text(body, bytes, false);
      Optional<T> conforming = utf8 ? TokenSdkJson.readConforming(bytes, bytes.length, responseType)
          : TokenSdkJson.readConforming(decoded, responseType);
      return conforming.isPresent() ? AttemptResult.ok(conforming.get())
          : parseSuccess(operationId, status, decoded != null ? decoded : text(body, bytes, true), responseType);
    }
    String text = text(body, bytes, utf8);
    Duration retryAfter = RetryAfter.parse(RetryAfterShield.retryAfter(response), wallClock);
    ApiException error = protocol.error(operationId, status, text, retryAfter);
    return error.retryable() ? AttemptResult.failAfter(error, retryAfter) : AttemptResult.fail(error, false);
  }

  /**
   * JSON in UTF-8 without a byte-order mark (what the APIs send), which is read from its bytes; anything else is
   * decoded as OkHttp decodes it (the charset of the content type, a byte-order mark). OkHttp parses the content type
   * again on every read, which the common case does not need.
   */
  private static boolean isUtf8Json(byte[] bytes, String contentType) {
    boolean utf8Json = contentType == null || contentType.equalsIgnoreCase("application/json")
        || contentType.equalsIgnoreCase("application/json; charset=utf-8")
        || contentType.equalsIgnoreCase("application/json;charset=utf-8");
    return utf8Json && (bytes.length == 0 || !mayStartWithByteOrderMark(bytes[0]));
  }

  private static String text(ResponseBody body, byte[] bytes, boolean utf8) throws IOException {
    return utf8 ? new String(bytes, StandardCharsets.UTF_8) : ResponseBody.create(bytes, body.contentType()).string();
  }

  /** The first byte of a UTF-8, UTF-16 or UTF-32 byte-order mark (never the first byte of JSON text in UTF-8). */
  private static boolean mayStartWithByteOrderMark(byte first) {
    return first == (byte) 0xEF || first == (byte) 0xFE || first == (byte) 0xFF || first == 0;
  }

  /** The lenient tree path: unknown fields and enum values kept, the first violation named. */
  private static <T> AttemptResult<T> parseSuccess(String operationId, int status, String text, Class<T> responseType) {
    try {
      JsonElement tree = TokenSdkJson.parseTree(text);
      if (tree.isJsonNull()) {
        // an empty body parses as null, which would bind to a null model: the caller would get no answer and no error
        return AttemptResult.fail(new UnexpectedResponseException(operationId, status,
            "the body is empty or null, not a " + responseType.getSimpleName()), false);
      }
      return AttemptResult.ok(TokenSdkJson.read(tree, responseType, ValidationMode.LENIENT));
    } catch (MalformedJsonException e) {
      return AttemptResult.fail(new UnexpectedResponseException(operationId, status, "the body is not JSON"), false);
    } catch (SchemaViolationException e) {
      return AttemptResult.fail(new UnexpectedResponseException(operationId, status, e.getMessage()), false);
    }
  }
}
