package io.tokensdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.tsp.ErrorRes;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.ValidationMode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * What differs between the three APIs: which idempotency id each request carries, which headers it needs, and how an
 * error answer maps to a typed exception (and so whether it is retryable).
 */
abstract class ApiProtocol {

  static ApiProtocol of(SpecId spec) {
    return switch (spec) {
      case TSP -> new Tsp();
      case COF -> new Cof();
      case PAT -> new Pat();
    };
  }

  /**
   * Chooses the id that every attempt of the call carries, puts it (and any other protocol header) into
   * {@code headers}, and returns it. May add the id to the body.
   */
  abstract String prepare(JsonObject body, RequestOptions options, ClientConfig config, Map<String, String> headers);

  /** The typed exception for an error answer; its retryable flag follows the spec. */
  abstract ApiException error(String operationId, int status, String body, Duration retryAfter);

  static <T> T parseOrNull(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return TokenSdkJson.read(TokenSdkJson.parseTree(body), type, ValidationMode.LENIENT);
    } catch (MalformedJsonException | SchemaViolationException e) {
      return null;
    }
  }

  /** TSP: {@code x-request-id}; errors are {@code errorRes}; 500, 503 and code 921 are retryable. */
  static final class Tsp extends ApiProtocol {
    @Override
    String prepare(JsonObject body, RequestOptions options, ClientConfig config, Map<String, String> headers) {
      String id = options.requestId().orElseGet(() -> UUID.randomUUID().toString());
      headers.put("x-request-id", id);
      return id;
    }

    @Override
    ApiException error(String operationId, int status, String body, Duration retryAfter) {
      ErrorRes error = parseOrNull(body, ErrorRes.class);
      return new TspApiException(operationId, status,
          error == null ? null : error.getResponseCode(), error == null ? null : error.getErrorMessage());
    }
  }

  /** COF: {@code authorization: APIKEY <key>} and {@code x-correlation-id}; 429, 500 and 503 are retryable. */
  static final class Cof extends ApiProtocol {
    @Override
    String prepare(JsonObject body, RequestOptions options, ClientConfig config, Map<String, String> headers) {
      if (config.apiKey() == null) {
        throw new IllegalStateException("the COF API needs an API key: set ClientConfig.Builder.apiKey(...)");
      }
      String id = options.correlationId().orElseGet(() -> UUID.randomUUID().toString());
      headers.put("authorization", "APIKEY " + config.apiKey());
      headers.put("x-correlation-id", id);
      return id;
    }

    @Override
    ApiException error(String operationId, int status, String body, Duration retryAfter) {
      return new CofApiException(operationId, status, retryAfter);
    }
  }

  /**
   * PAT: the body's {@code messageId} is the idempotency id; the client fills in {@code messageId} and
   * {@code conversationId} when the caller left them out. Errors are the response envelope; 500 with 1300 is retryable.
   */
  static final class Pat extends ApiProtocol {
    @Override
    String prepare(JsonObject body, RequestOptions options, ClientConfig config, Map<String, String> headers) {
      if (body == null) {
        return null;
      }
      fillIfAbsent(body, "conversationId");
      fillIfAbsent(body, "messageId");
      return body.get("messageId").getAsString();
    }

    private static void fillIfAbsent(JsonObject body, String field) {
      JsonElement present = body.get(field);
      if (present == null || present.isJsonNull()) {
        body.addProperty(field, UUID.randomUUID().toString());
      }
    }

    @Override
    ApiException error(String operationId, int status, String body, Duration retryAfter) {
      return new PatApiException(operationId, status, parseOrNull(body, NotificationResponse.class));
    }
  }
}
