package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a handler's result into the success answer of its operation. Strict writer: the result is written in one pass
 * and checked against the spec's response schema on the way ({@link SchemaValidator#writeConforming}); what that pass
 * cannot vouch for becomes a JSON tree, validated once, and only a conforming tree is serialised, so a result that
 * breaks the spec is refused with the tree's first violation. Thread-safe.
 */
final class ResponseWriter {
  private final ApiProfile profile;
  private final SchemaValidator validator;

  ResponseWriter(ApiSpec spec, ApiProfile profile) {
    this.profile = profile;
    this.validator = TokenSdkJson.validator(spec.id());
  }

  /**
   * The success answer for {@code result}.
   *
   * @throws NullResultException when the answer needs a body and the handler returned null
   * @throws InvalidResponseException when the result breaks the response schema
   */
  ServerResponse success(SpecOperation operation, Object result, Supplier<JsonElement> requestBody) {
    int status = operation.successStatus();
    JsonObject schema = operation.responseSchemas().get(status);
    if (schema == null) {
      return ServerResponse.empty(status);
    }
    Object model = profile.successBody(operation, result, requestBody);
    if (model == null) {
      throw new NullResultException(operation.operationId());
    }
    Optional<byte[]> written = validator.writeConforming(model, schema, TokenSdkJson.gson());
    if (written.isPresent()) {
      return ServerResponse.jsonBytes(status, written.get());
    }
    JsonElement tree = TokenSdkJson.toTree(model);
    List<Violation> violations = validator.validate(tree, schema, "", ValidationMode.STRICT);
    if (!violations.isEmpty()) {
      throw new InvalidResponseException(operation.operationId(), violations.get(0));
    }
    return ServerResponse.json(status, TokenSdkJson.writeTree(tree));
  }

  /** The handler returned null for an operation whose answer has a body. */
  static final class NullResultException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NullResultException(String operationId) {
      super("handler returned null for " + operationId + ", whose answer has a body");
    }
  }

  /** The handler's result breaks the spec; its message names the field and the rule, never a value. */
  static final class InvalidResponseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    InvalidResponseException(String operationId, Violation first) {
      super("result of " + operationId + " breaks the spec: " + first.message());
    }
  }
}
