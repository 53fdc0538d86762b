package io.tokensdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.tsp.ErrorRes;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.IdempotencyKey;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.ValidationMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What differs between the three APIs on the client side: which caller option supplies the idempotency id, any other
 * header the API needs, and how an error answer maps to a typed exception. Where the id travels and which answers are
 * retryable come from the API's generated {@link ApiConventions}.
 */
abstract class ApiProtocol {
  private final ApiConventions conventions;

  ApiProtocol(SpecId spec) {
    this.conventions = ApiConventions.of(spec);
  }

  static ApiProtocol of(SpecId spec) {
    return switch (spec) {
      case TSP -> new Tsp();
      case COF -> new Cof();
      case PAT -> new Pat();
    };
  }

  /**
   * Chooses the id that every attempt of the call carries, puts it where the spec says (a header into {@code headers}, or
   * a field of {@code body} when the caller left it out) with any other protocol header, and returns it.
   */
  final String prepare(String operationId, JsonObject body, RequestOptions options, ClientConfig config,
      Map<String, String> headers) {
    addHeaders(config, headers);
    if (body != null) {
      completeBody(body);
    }
    IdempotencyKey key = conventions.idempotencyKey(operationId);
    return switch (key.location()) {
      case HEADER -> {
        String id = callerId(options).orElseGet(RequestIds::next);
        headers.put(key.name(), id);
        yield id;
      }
      case BODY -> body == null ? null : fillIfAbsent(body, key.name());
    };
  }

  /** The id the caller chose in {@link RequestOptions}, if this API takes one there. */
  Optional<String> callerId(RequestOptions options) {
    return Optional.empty();
  }

  /** Headers other than the idempotency key that every request of this API carries. */
  void addHeaders(ClientConfig config, Map<String, String> headers) {
  }

  /** Fills in body fields other than the idempotency key that the SDK supplies when the caller left them out. */
  void completeBody(JsonObject body) {
  }

  /** True when {@link #prepare} may add fields to the body of {@code operationId} (its id, or another field). */
  boolean completesBody(String operationId) {
    return conventions.idempotencyKey(operationId).location() == IdempotencyKey.Location.BODY;
  }

  /** The typed exception for an error answer; its retryable flag follows the spec. */
  abstract ApiException error(String operationId, int status, String body, Duration retryAfter);

  static String fillIfAbsent(JsonObject body, String field) {
    JsonElement present = body.get(field);
    if (present == null || present.isJsonNull()) {
      body.addProperty(field, RequestIds.next());
    }
    return body.get(field).getAsString();
  }

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

  /** TSP: the caller may choose the request id; errors are {@code errorRes}. */
  static final class Tsp extends ApiProtocol {
    Tsp() {
      super(SpecId.TSP);
    }

    @Override
    Optional<String> callerId(RequestOptions options) {
      return options.requestId();
    }

    @Override
    ApiException error(String operationId, int status, String body, Duration retryAfter) {
      ErrorRes error = parseOrNull(body, ErrorRes.class);
      return new TspApiException(operationId, status,
          error == null ? null : error.getResponseCode(), error == null ? null : error.getErrorMessage());
    }
  }

  /** COF: {@code authorization: APIKEY <key>}; the caller may choose the correlation id; errors are bare statuses. */
  static final class Cof extends ApiProtocol {
    Cof() {
      super(SpecId.COF);
    }

    @Override
    Optional<String> callerId(RequestOptions options) {
      return options.correlationId();
    }

    @Override
    void addHeaders(ClientConfig config, Map<String, String> headers) {
      if (config.apiKey() == null) {
        throw new IllegalStateException("the COF API needs an API key: set ClientConfig.Builder.apiKey(...)");
      }
      headers.put("authorization", "APIKEY " + config.apiKey());
    }

    @Override
    ApiException error(String operationId, int status, String body, Duration retryAfter) {
      return new CofApiException(operationId, status, retryAfter);
    }
  }

  /**
   * PAT: the id is a body field, filled in when the caller left it out, and so is {@code conversationId}, the id of the
   * whole flow. Errors are the response envelope.
   */
  static final class Pat extends ApiProtocol {
    private static final String CONVERSATION_ID = "conversationId";

    Pat() {
      super(SpecId.PAT);
    }

    @Override
    ApiException error(String operationId, int status, String body, Duration retryAfter) {
      return new PatApiException(operationId, status, parseOrNull(body, NotificationResponse.class));
    }

    @Override
    void completeBody(JsonObject body) {
      fillIfAbsent(body, CONVERSATION_ID);
    }

    @Override
    boolean completesBody(String operationId) {
      return true;
    }
  }
}
