package io.tokensdk.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Turns a call's arguments into the one {@link PreparedRequest} that every attempt sends: checks the arguments, adds the
 * protocol headers and idempotency id, validates everything against the spec, and serialises the body once.
 */
final class RequestFactory {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

  private final ApiSpec spec;
  private final ClientConfig config;
  private final ApiProtocol protocol;
  private final SchemaValidator validator;

  RequestFactory(ApiSpec spec, ClientConfig config, ApiProtocol protocol) {
    this.spec = spec;
    this.config = config;
    this.protocol = protocol;
    this.validator = TokenSdkJson.validator(spec.id());
  }

  /** Prepares an operation once, when a client is built; fails when the generated client and the spec disagree. */
  OperationTemplate template(String operationId, List<String> pathParameterOrder) {
    SpecOperation operation = spec.operation(operationId)
        .orElseThrow(() -> new IllegalStateException("operation not in the " + spec.id() + " spec: " + operationId));
    return new OperationTemplate(spec, operation, config.baseUrl(), pathParameterOrder,
        config.retrySafety().test(spec.id(), operationId));
  }

  /**
   * The request of one call. Throws {@link IllegalArgumentException} for null options and
   * {@link RequestValidationException} (nothing sent) for a missing or invalid path parameter, header or body.
   */
  PreparedRequest create(OperationTemplate operation, Object body, String[] pathValues, RequestOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null (use RequestOptions.none())");
    }
    String operationId = operation.operationId();
    List<String> values = pathValues == null ? List.of() : Arrays.asList(pathValues);
    checkPathValues(operation, values);
    SpecOperation specOperation = operation.spec();
    List<Violation> violations = new ArrayList<>();
    for (SpecParameter parameter : operation.pathParameters()) {
      String value = values.get(operation.valueIndex(parameter));
      violations.addAll(validator.validateParameter(value, parameter, ValidationMode.STRICT));
    }
    byte[] written = writtenInOnePass(operationId, specOperation, body);
    JsonObject tree = written == null ? toTree(operationId, body) : null;
    Map<String, String> headers = new LinkedHashMap<>();
    String requestId = protocol.prepare(operationId, tree, options, config, headers);
    if (tree != null && specOperation.requestBodySchema() != null) {
      violations.addAll(validator.validate(tree, specOperation.requestBodySchema(), "", ValidationMode.STRICT));
    } else if (body == null && specOperation.requestBodyRequired()) {
      violations.add(new Violation("body", Violation.Kind.MISSING, "missing mandatory parameter: body"));
    }
    for (SpecParameter parameter : operation.headerParameters()) {
      violations.addAll(validator.validateParameter(headers.get(parameter.name()), parameter, ValidationMode.STRICT));
    }
    if (!violations.isEmpty()) {
      throw (RequestValidationException) new RequestValidationException(operationId, violations).attach(requestId, 0);
    }
    byte[] bodyBytes = written != null ? written
        : tree == null ? null : TokenSdkJson.writeTree(tree).getBytes(StandardCharsets.UTF_8);
    Request.Builder request = new Request.Builder()
        .url(operation.url(values))
        .addHeader("User-Agent", config.userAgent())
        .addHeader("Accept", "application/json");
    // the protocol headers are distinct from these two and from each other: appended, no search for a previous value
    headers.forEach(request::addHeader);
    RequestBody requestBody = bodyBytes == null ? null : RequestBody.create(bodyBytes, JSON);
    if (requestBody == null && ("POST".equals(specOperation.method()) || "PUT".equals(specOperation.method()))) {
      requestBody = EMPTY;
    }
    request.method(specOperation.method(), requestBody);
    request.tag(AttemptTag.class, new AttemptTag(1, bodyBytes));
    return new PreparedRequest(operation, request.build(), requestId, bodyBytes);
  }

  private static void checkPathValues(OperationTemplate operation, List<String> values) {
    List<String> names = operation.pathParameterOrder();
    if (values.size() != names.size()) {
      throw new IllegalArgumentException(operation.operationId() + " takes " + names.size() + " path values");
    }
    for (int i = 0; i < names.size(); i++) {
      String value = values.get(i);
      if (value == null || value.isEmpty() || ".".equals(value) || "..".equals(value)) {
        throw new RequestValidationException(operation.operationId(), "the path parameter " + names.get(i)
            + (value == null ? " is null" : " must not be empty, '.' or '..'"));
      }
    }
  }

  /**
   * The body's bytes when it can be written straight from the model, checked against the schema on the way, else null:
   * the tree path then validates it (naming the first violation) and the protocol may complete it.
   */
  private byte[] writtenInOnePass(String operationId, SpecOperation operation, Object body) {
    if (body == null || operation.requestBodySchema() == null || protocol.completesBody(operationId)) {
      return null;
    }
    return validator.writeConforming(body, operation.requestBodySchema(), TokenSdkJson.gson()).orElse(null);
  }

  private static JsonObject toTree(String operationId, Object body) {
    if (body == null) {
      return null;
    }
    JsonElement element = TokenSdkJson.toTree(body);
    if (!element.isJsonObject()) {
      throw new RequestValidationException(operationId, "the body must be a JSON object");
    }
    return element.getAsJsonObject();
  }
}
