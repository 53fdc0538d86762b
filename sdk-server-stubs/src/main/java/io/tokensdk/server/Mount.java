package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One handler under its spec's base path: routes, authenticates, reads, validates, dedupes, calls the handler and turns
 * its outcome into the answer of the spec. Immutable and thread-safe.
 */
final class Mount {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server");

  private final ApiHandler handler;
  private final ApiSpec spec;
  private final ApiProfile profile;
  private final MountOptions options;
  private final RouteTable routes;
  private final SchemaValidator validator;
  private final DedupeStore dedupe;

  Mount(ApiHandler handler, MountOptions options) {
    this.handler = handler;
    this.spec = ApiSpec.of(handler.spec());
    this.profile = ApiProfile.of(handler.spec());
    this.options = options;
    this.routes = new RouteTable(spec.operations());
    this.validator = TokenSdkJson.validator(handler.spec());
    this.dedupe = options.dedupe() ? (options.dedupeStore() != null ? options.dedupeStore() : new InMemoryDedupeStore())
        : null;
    profile.check(options);
    Set<String> missing = new TreeSet<>();
    spec.operations().forEach(op -> missing.add(op.operationId()));
    missing.removeAll(handler.operationIds());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("handler has no method for " + missing + ": regenerate it from the spec");
    }
  }

  String basePath() {
    return spec.basePath();
  }

  /** How this mount's API answers; for the answers a host gives before any handler runs. */
  ApiProfile profile() {
    return profile;
  }

  ServerResponse serve(ServerRequest request, String subPath, int maxBodyBytes) {
    return route(request, subPath, maxBodyBytes);
  }

  private ServerResponse route(ServerRequest request, String subPath, int maxBodyBytes) {
    RouteTable.Match match = routes.match(request.method().toUpperCase(Locale.ROOT), subPath);
    if (!match.found()) {
      return match.pathKnown()
          ? ServerResponse.empty(405).withHeader("Allow", String.join(", ", match.allowed()))
          : ServerResponse.empty(404);
    }
    SpecOperation operation = match.operation();
    ServerResponse denied = profile.authenticate(request, options);
    if (denied != null) {
      drain(request);
      return denied;
    }
    return read(request, operation, match.pathParams(), maxBodyBytes);
  }

  private ServerResponse read(ServerRequest request, SpecOperation operation, Map<String, String> pathParams, int max) {
    boolean takesBody = operation.requestBodySchema() != null;
    String contentType = request.header("content-type");
    if (takesBody && contentType != null && !isJson(contentType)) {
      drain(request);
      return ServerResponse.empty(415);
    }
    byte[] body;
    try (InputStream in = request.body()) {
      body = takesBody ? BodyReader.read(in, request.contentLength(), max) : new byte[0];
    } catch (BodyReader.TooLargeException e) {
      return ServerResponse.empty(413).withHeader("Connection", "close");
    } catch (IOException e) {
      return ServerResponse.empty(408).withHeader("Connection", "close");
    }
    if (body.length > 0 && contentType == null) {
      return ServerResponse.empty(415);
    }
    List<Violation> violations = validateParameters(request, operation, pathParams);
    JsonElement tree = null;
    if (takesBody && body.length > 0) {
      try {
        tree = TokenSdkJson.parseTree(utf8(body));
      } catch (MalformedJsonException | CharacterCodingException e) {
        return profile.malformed();
      }
      if (tree.isJsonNull() && operation.requestBodyRequired()) {
        violations.add(new Violation("body", Violation.Kind.MISSING, "missing mandatory parameter: body"));
      }
      violations.addAll(validator.validate(tree, operation.requestBodySchema(), "", ValidationMode.STRICT));
    } else if (takesBody && operation.requestBodyRequired()) {
      violations.add(new Violation("body", Violation.Kind.MISSING, "missing mandatory parameter: body"));
    }
    if (!violations.isEmpty()) {
      return profile.invalid(violations.get(0), tree);
    }
    Object model;
    try {
      model = tree == null || tree.isJsonNull() ? null : TokenSdkJson.gson().fromJson(tree, handler.bodyType(operation.operationId()));
    } catch (JsonParseException | NumberFormatException e) {
      return profile.malformed();
    }
    Call call = new Call(operation, model, pathParams, tree, context(request, operation));
    String key = dedupe == null ? null : profile.dedupeKey(operation, request, tree);
    return key == null ? invoke(call)
        : invokeOnce(spec.id().id() + ":" + operation.operationId() + ":" + key, fingerprint(operation, body), call);
  }

  private List<Violation> validateParameters(ServerRequest request, SpecOperation op, Map<String, String> pathParams) {
    List<Violation> violations = new ArrayList<>();
    for (SpecParameter parameter : op.parameters()) {
      String value = parameter.isHeader() ? request.header(parameter.name())
          : parameter.isPath() ? pathParams.get(parameter.name()) : null;
      if (parameter.isHeader() || parameter.isPath()) {
        violations.addAll(validator.validateParameter(value, parameter, ValidationMode.STRICT));
      }
    }
    return violations;
  }

  private record Call(SpecOperation operation, Object body, Map<String, String> pathParams, JsonElement tree,
      RequestContext context) {}

  private ServerResponse invoke(Call call) {
    String operationId = call.operation.operationId();
    try {
      Object result = handler.dispatch(operationId, call.body, call.pathParams, call.context);
      return checked(call.operation, profile.success(call.operation, result, call.tree));
    } catch (RetryLaterException e) {
      return profile.retryLater(e.retryAfter(), call.tree);
    } catch (Exception e) {
      ServerResponse typed = profile.businessError(e, call.tree);
      if (typed != null) {
        return typed;
      }
      if (e instanceof InvalidResponseException) {
        // its message names fields and rules only
        LOG.log(System.Logger.Level.WARNING, "{0} operation {1}: {2}", spec.id().id(), operationId, e.getMessage());
      } else {
        // the class only: an exception message may carry request data
        LOG.log(System.Logger.Level.WARNING, "{0} operation {1} failed with {2}",
            spec.id().id(), operationId, e.getClass().getName());
      }
      return profile.unexpected(call.tree);
    }
  }

  /**
   * Strict writer: a success answer that breaks the spec's response schema is not sent. The violations name fields, never
   * values, so they may be logged.
   */
  private ServerResponse checked(SpecOperation operation, ServerResponse response) {
    JsonObject schema = operation.responseSchemas().get(response.status());
    if (schema == null || response.bodyLength() == 0) {
      return response;
    }
    JsonElement tree = TokenSdkJson.parseTree(new String(response.body(), StandardCharsets.UTF_8));
    List<Violation> violations = validator.validate(tree, schema, "", ValidationMode.STRICT);
    if (violations.isEmpty()) {
      return response;
    }
    throw new InvalidResponseException(violations);
  }

  /** The handler's result breaks the spec; answered as an unexpected error. */
  private static final class InvalidResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidResponseException(List<Violation> violations) {
      super("response breaks the spec: " + violations.get(0).message(), null, false, false);
    }
  }

  /** At most one delivery of a request runs; duplicates get its success answer; failures are not remembered. */
  private ServerResponse invokeOnce(String key, String fingerprint, Call call) {
    long deadline = System.nanoTime() + options.duplicateWait().toNanos();
    while (true) {
      DedupeStore.Claim claim = dedupe.claim(key, fingerprint, options.duplicateWait().multipliedBy(6));
      switch (claim.state()) {
        case DONE:
          return claim.response();
        case CONFLICT:
          return profile.busy(call.tree);
        case ACQUIRED:
          ServerResponse response = null;
          try {
            response = invoke(call);
            return response;
          } finally {
            if (response != null && response.isSuccess()) {
              dedupe.complete(key, response);
            } else {
              dedupe.release(key);
            }
          }
        default:
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return profile.busy(call.tree);
          }
          try {
            dedupe.awaitChange(key, java.time.Duration.ofNanos(left)).get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return profile.busy(call.tree);
          } catch (java.util.concurrent.ExecutionException e) {
            return profile.busy(call.tree);
          }
      }
    }
  }

  private static String fingerprint(SpecOperation operation, byte[] body) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update(operation.operationId().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return java.util.HexFormat.of().formatHex(digest.digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private RequestContext context(ServerRequest request, SpecOperation operation) {
    return new RequestContext(operation.operationId(), IdHeaders.idOf(SpecId.TSP, request::header),
        IdHeaders.idOf(SpecId.COF, request::header), request.clientCertificates(), request.remoteAddress());
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json");
  }

  private static String utf8(byte[] body) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body)).toString();
  }

  private static void drain(ServerRequest request) {
    try {
      request.body().close();
    } catch (IOException e) {
      // the adapter closes the connection
    }
  }
}
