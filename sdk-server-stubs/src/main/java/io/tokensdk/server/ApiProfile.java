package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.function.Supplier;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.IdempotencyKey;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;

/**
 * How one API answers: its error shapes, its authentication and its dedupe key. Everything
 * else about serving a request is the same for every API and lives in {@link Mount}. The codes, their HTTP statuses and
 * the idempotency keys come from the API's generated {@link ApiConventions}.
 */
abstract class ApiProfile {
  final ApiConventions conventions;

  ApiProfile(SpecId spec) {
    this.conventions = ApiConventions.of(spec);
  }
  static ApiProfile of(SpecId spec) {
    return switch (spec) {
      case TSP -> new TspProfile();
      case COF -> new CofProfile();
      case PAT -> new PatProfile();
    };
  }

  /** Fails fast on options this API cannot run without. */
  void check(MountOptions options) {
  }

  /** The answer to an unauthenticated request, or null when it may proceed. */
  ServerResponse authenticate(ServerRequest request, MountOptions options) {
    return null;
  }

  /** The answer to a request that breaks the spec; {@code first} is the first violation found. */
  abstract ServerResponse invalid(Violation first, JsonElement body);

  /** The answer to a body that is not JSON. */
  abstract ServerResponse malformed();

  /**
   * The model to send as the success body for what the handler returned (null when there is none); the
   * {@link ResponseWriter} validates and serialises it.
   */
  abstract Object successBody(SpecOperation operation, Object result, Supplier<JsonElement> body);

  /** The answer to one of this API's typed errors, or null when {@code error} is none of them. */
  abstract ServerResponse businessError(Exception error, JsonElement body);

  /** The answer to an unexpected failure: retryable, without details. */
  abstract ServerResponse unexpected(JsonElement body);

  /** The answer to a handler that asked the caller to retry later: the API's retryable answer with Retry-After. */
  ServerResponse retryLater(Duration retryAfter, JsonElement body) {
    return unexpected(body).withHeader("Retry-After", seconds(retryAfter));
  }

  /** The answer to a duplicate whose first delivery is still being handled: retryable. */
  ServerResponse busy(JsonElement body) {
    return retryLater(Duration.ofSeconds(1), body);
  }

  static String seconds(Duration delay) {
    return Long.toString(Math.max(0, delay.toSeconds()));
  }

  /**
   * The idempotency key that identifies a redelivery of {@code operation}, where the spec says it travels; null when the
   * spec does not deduplicate the operation or the request carries no key.
   */
  final String dedupeKey(SpecOperation operation, ServerRequest request, Supplier<JsonElement> body) {
    if (!conventions.deduplicated(operation.operationId())) {
      return null;
    }
    IdempotencyKey key = conventions.idempotencyKey(operation.operationId());
    return switch (key.location()) {
      case HEADER -> request.header(key.name());
      case BODY -> bodyString(body.get(), key.name());
    };
  }

  /** Where {@code operation}'s idempotency key travels, as an error names it: {@code header x-request-id}, {@code messageId}. */
  final String dedupeKeyName(SpecOperation operation) {
    IdempotencyKey key = conventions.idempotencyKey(operation.operationId());
    return key.location() == IdempotencyKey.Location.HEADER ? "header " + key.name() : key.name();
  }

  private static String bodyString(JsonElement body, String field) {
    if (body == null || !body.isJsonObject()) {
      return null;
    }
    JsonElement value = ((JsonObject) body).get(field);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
  }
}
