package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.json.Utf8;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one request of a mounted API: its headers, content type and body (within the limit), and checks them against
 * the operation's spec, strictly. Answers what the spec prescribes for a request it refuses. A body is first read in
 * one pass straight into its model ({@link SchemaValidator#readConforming}); only a body that pass cannot vouch for is
 * parsed into a tree, screened, validated and bound, so the first violation reported is always the tree's. Thread-safe.
 */
final class RequestReader {
  private static final Violation MISSING_BODY =
      new Violation("body", Violation.Kind.MISSING, "missing mandatory parameter: body");

  private final ApiHandler handler;
  private final ApiProfile profile;
  private final SchemaValidator validator;
  private final JsonScreen screen;
  private final boolean nullAsAbsent;
  /** The model adapter of each operation that takes a body; never changed. */
  private final Map<SpecOperation, TypeAdapter<?>> adapters = new IdentityHashMap<>();

  RequestReader(ApiHandler handler, ApiSpec spec, ApiProfile profile, boolean nullAsAbsent) {
    this.handler = handler;
    this.profile = profile;
    this.validator = TokenSdkJson.validator(spec.id());
    this.screen = new JsonScreen(spec);
    this.nullAsAbsent = nullAsAbsent;
    for (SpecOperation operation : spec.operations()) {
      Class<?> type = operation.requestBodySchema() == null ? null : handler.bodyType(operation.operationId());
      if (type != null) {
        adapters.put(operation, TokenSdkJson.gson().getAdapter(type));
      }
    }
  }

  /** A request read, or the answer refusing it. */
  record Result(ParsedRequest request, ServerResponse refusal) {
    static Result refused(ServerResponse answer) {
      return new Result(null, answer);
    }
  }

  /**
   * The answer to a request that repeats a header the operation declares (an id, the API key), or null. A repeated id
   * or key is ambiguous: which one would the handler, the dedupe and the authentication see?
   */
  ServerResponse repeatedHeader(ServerRequest request, SpecOperation operation) {
    for (SpecParameter parameter : operation.parameters()) {
      if (parameter.isHeader() && request.headers(parameter.name()).size() > 1) {
        String field = "header " + parameter.name();
        return profile.invalid(new Violation(field, Violation.Kind.BAD_FORMAT,
            "bad parameter format: " + field + " (sent more than once)"), null);
      }
    }
    return null;
  }

  Result read(ServerRequest request, SpecOperation operation, Map<String, String> pathParams, int maxBodyBytes) {
    boolean takesBody = operation.requestBodySchema() != null;
    String contentType = request.header("content-type");
    if (takesBody && contentType != null && !isJson(contentType)) {
      close(request);
      return Result.refused(ServerResponse.empty(415));
    }
    byte[] body;
    try (InputStream in = request.body()) {
      body = takesBody ? BodyReader.read(in, request.contentLength(), maxBodyBytes) : new byte[0];
    } catch (BodyReader.TooLargeException e) {
      return Result.refused(ServerResponse.empty(413).withHeader("Connection", "close"));
    } catch (IOException e) {
      return Result.refused(ServerResponse.empty(408).withHeader("Connection", "close"));
    }
    if (body.length > 0 && contentType == null) {
      return Result.refused(ServerResponse.empty(415));
    }
    List<Violation> violations = parameterViolations(request, operation, pathParams);
    JsonElement tree = null;
    if (takesBody && body.length > 0) {
      TypeAdapter<?> adapter = adapters.get(operation);
      if (violations.isEmpty() && adapter != null) {
        Optional<?> model = validator.readConforming(body, body.length, operation.requestBodySchema(), adapter);
        if (model.isPresent()) {
          return new Result(new ParsedRequest(operation, pathParams, body, BodyTree.onDemand(body, nullAsAbsent),
              model.get(), context(request, operation)), null);
        }
      }
      // the tree path: it names the first violation, or binds what the one-pass read could not vouch for
      String text = Utf8.decode(body, body.length);
      if (text == null) {
        return Result.refused(profile.malformed());
      }
      try {
        tree = BodyTree.parse(text, nullAsAbsent);
      } catch (MalformedJsonException e) {
        return Result.refused(profile.malformed());
      }
      if (tree.isJsonNull() && operation.requestBodyRequired()) {
        violations.add(MISSING_BODY);
      }
      if (!tree.isJsonNull()) {
        violations.addAll(screen.check(tree, operation.requestBodySchema()));
      }
      if (violations.isEmpty()) {
        violations.addAll(validator.validate(tree, operation.requestBodySchema(), "", ValidationMode.STRICT));
      }
    } else if (takesBody && operation.requestBodyRequired()) {
      violations.add(MISSING_BODY);
    }
    if (!violations.isEmpty()) {
      return Result.refused(profile.invalid(violations.get(0), tree));
    }
    Object model;
    try {
      model = tree == null || tree.isJsonNull() ? null
          : TokenSdkJson.gson().fromJson(tree, handler.bodyType(operation.operationId()));
    } catch (JsonParseException | NumberFormatException | ArithmeticException e) {
      return Result.refused(profile.malformed());
    }
    return new Result(new ParsedRequest(operation, pathParams, body, BodyTree.of(tree), model,
        context(request, operation)), null);
  }

  private List<Violation> parameterViolations(ServerRequest request, SpecOperation op, Map<String, String> pathParams) {
    List<Violation> violations = new ArrayList<>();
    for (SpecParameter parameter : op.parameters()) {
      if (parameter.isHeader()) {
        violations.addAll(validator.validateParameter(request.header(parameter.name()), parameter, ValidationMode.STRICT));
      } else if (parameter.isPath()) {
        violations.addAll(validator.validateParameter(pathParams.get(parameter.name()), parameter, ValidationMode.STRICT));
      }
    }
    return violations;
  }

  private static RequestContext context(ServerRequest request, SpecOperation operation) {
    return new RequestContext(operation.operationId(), IdHeaders.idOf(SpecId.TSP, request::header),
        IdHeaders.idOf(SpecId.COF, request::header), request.clientCertificates(), request.remoteAddress());
  }

  /** {@code application/json}, with any parameters, in any case; no split, no regex. */
  private static boolean isJson(String contentType) {
    String type = "application/json";
    int start = 0;
    while (start < contentType.length() && contentType.charAt(start) == ' ') {
      start++;
    }
    if (!contentType.regionMatches(true, start, type, 0, type.length())) {
      return false;
    }
    int end = start + type.length();
    while (end < contentType.length() && contentType.charAt(end) == ' ') {
      end++;
    }
    return end == contentType.length() || contentType.charAt(end) == ';';
  }

  /** Closes the body unread; the adapter closes the connection when it cannot drain it. */
  static void close(ServerRequest request) {
    try {
      request.body().close();
    } catch (IOException e) {
      // the adapter closes the connection
    }
  }
}
