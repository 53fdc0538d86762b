package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import io.tokensdk.spec.ValidationMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The property-based battery, generated from the specs: every field of every request body of every route gets a wrong
 * type, a null, an over-long string, a value outside its enum, a number outside its range or no model's range; every
 * body gets malformed JSON; every header and path parameter an over-long value. Each answer must be the spec's error
 * shape for a bad request (TSP 400 errorRes 111/112, COF 400 without a body, PAT 400 envelope 1301), never a 5xx and
 * never a success. Bounded: 300 tries per property, over real HTTP.
 */
class SpecFuzzTest {
  private static final Recorder RECORDER = new Recorder();
  private static ServletHost host;
  private static Http http;

  /** A field of a request body, found by walking the operation's schema. */
  record Target(SpecOperation operation, List<String> path, JsonObject schema) {
    @Override
    public String toString() {
      return operation.operationId() + " " + String.join(".", path);
    }
  }

  /** One hostile request: the operation, the body text sent and the header and path values. */
  record Case(SpecOperation operation, String body, Map<String, String> overrides, String what) {
    @Override
    public String toString() {
      return operation.operationId() + ": " + what;
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    host = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(RECORDER))
        .mount(new TestHandlers.Cof(RECORDER), MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY)).build())
        .mount(new TestHandlers.Pat(RECORDER))
        .build());
    http = new Http(host.url());
  }

  @AfterContainer
  static void stop() throws Exception {
    http.close();
    host.close();
  }

  @Property(tries = 300)
  void aBadFieldIsAlwaysTheSpecsBadRequest(@ForAll("badFields") Case request) throws Exception {
    assertBadRequest(request);
  }

  @Property(tries = 100)
  void malformedJsonIsAlwaysTheSpecsBadRequest(@ForAll("malformedBodies") Case request) throws Exception {
    assertBadRequest(request);
  }

  @Property(tries = 100)
  void anOverlongParameterIsAlwaysTheSpecsBadRequest(@ForAll("overlongParameters") Case request) throws Exception {
    assertBadRequest(request);
  }

  private static void assertBadRequest(Case request) throws Exception {
    SpecOperation op = request.operation();
    ApiSpec spec = ApiSpec.of(op.spec());
    String path = op.path();
    for (var entry : Samples.PATH_VALUES.entrySet()) {
      String value = request.overrides().getOrDefault("path " + entry.getKey(), entry.getValue());
      path = path.replace("{" + entry.getKey() + "}", value);
    }
    List<String> headers = new ArrayList<>(List.of(
        "x-request-id", request.overrides().getOrDefault("header x-request-id", UUID.randomUUID().toString()),
        "x-correlation-id", request.overrides().getOrDefault("header x-correlation-id", UUID.randomUUID().toString()),
        "authorization", "APIKEY " + Samples.API_KEY));
    int before = RECORDER.calls.size();
    Http.Reply reply = http.send(op.method(), spec.basePath() + path, request.body(), headers.toArray(String[]::new));
    assertTrue(reply.code() < 500, "5xx for " + request + ": " + reply.code() + " " + reply.body());
    assertEquals(400, reply.code(), request + ": " + reply.body());
    assertEquals(before, RECORDER.calls.size(), "a bad request reached the handler: " + request);
    switch (op.spec()) {
      case TSP -> {
        ServerFixture.assertJsonContentType(reply);
        JsonElement error = JsonParser.parseString(reply.body());
        assertTrue(TokenSdkJson.validator(SpecId.TSP).validate(error, spec.schema("errorRes").orElseThrow(), "",
            ValidationMode.STRICT).isEmpty(), reply.body());
        int code = error.getAsJsonObject().get("responseCode").getAsInt();
        assertTrue(code == 111 || code == 112, request + ": " + reply.body());
      }
      case COF -> assertEquals("", reply.body(), request.toString());
      case PAT -> {
        ServerFixture.assertJsonContentType(reply);
        JsonElement envelope = JsonParser.parseString(reply.body());
        assertTrue(TokenSdkJson.validator(SpecId.PAT).validate(envelope,
            spec.schema("notificationResponse").orElseThrow(), "", ValidationMode.STRICT).isEmpty(), reply.body());
        assertEquals("1301", envelope.getAsJsonObject().get("statusCode").getAsString(), request.toString());
      }
    }
  }

  @Provide
  Arbitrary<Case> badFields() {
    List<Target> targets = new ArrayList<>();
    for (SpecId id : SpecId.values()) {
      ApiSpec spec = ApiSpec.of(id);
      for (SpecOperation op : spec.operations()) {
        if (op.requestBodySchema() != null) {
          collect(spec, op, op.requestBodySchema(), new ArrayList<>(), targets, 0);
        }
      }
    }
    return Arbitraries.of(targets).flatMap(target -> badValues(target).map(value -> {
      JsonObject body = JsonParser.parseString(Samples.BODIES.get(target.operation().operationId())).getAsJsonObject();
      Samples.set(body, target.path(), value);
      return new Case(target.operation(), body.toString(), Map.of(), target + " = " + abbreviate(value));
    }));
  }

  @Provide
  Arbitrary<Case> malformedBodies() {
    List<SpecOperation> withBodies = operations().stream().filter(op -> op.requestBodySchema() != null).toList();
    Arbitrary<String> junk = Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
        Arbitraries.of("{", "}", "[", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{\"a\":1}}", "nul", "tru", "{\"a\":01}",
            "{\"a\":\"\\x\"}", "{\"a\":NaN}", "\"unterminated", "{} {}", "{\"a\":1} x", "[1,,2]"));
    return Combinators.combine(Arbitraries.of(withBodies), junk, Arbitraries.integers().between(0, 1000))
        .as((op, text, cut) -> {
          String valid = Samples.BODIES.get(op.operationId());
          // either junk alone, or a valid body cut short and followed by junk
          String body = cut % 2 == 0 ? text : valid.substring(0, Math.max(1, cut % valid.length())) + text;
          return new Case(op, body, Map.of(), "body " + abbreviate(new JsonPrimitive(body)));
        })
        .filter(c -> !parsesAsValid(c));
  }

  @Provide
  Arbitrary<Case> overlongParameters() {
    List<Map.Entry<SpecOperation, SpecParameter>> parameters = new ArrayList<>();
    for (SpecOperation op : operations()) {
      for (SpecParameter parameter : op.parameters()) {
        JsonObject schema = ApiSpec.of(op.spec()).resolve(parameter.schema());
        if (schema.has("maxLength") && !parameter.name().equals("authorization")) {
          parameters.add(Map.entry(op, parameter));
        }
      }
    }
    return Arbitraries.of(parameters).flatMap(entry -> {
      int max = ApiSpec.of(entry.getKey().spec()).resolve(entry.getValue().schema()).get("maxLength").getAsInt();
      return Arbitraries.integers().between(max + 1, max + 200).map(length -> {
        SpecParameter parameter = entry.getValue();
        String key = (parameter.isHeader() ? "header " : "path ") + parameter.name();
        return new Case(entry.getKey(), Samples.BODIES.get(entry.getKey().operationId()), Map.of(key, "a".repeat(length)),
            key + " of " + length + " characters");
      });
    });
  }

  private static List<SpecOperation> operations() {
    List<SpecOperation> all = new ArrayList<>();
    for (SpecId id : SpecId.values()) {
      all.addAll(ApiSpec.of(id).operations());
    }
    return all;
  }

  /** Every property reachable through objects (not through arrays), with its schema. */
  private static void collect(ApiSpec spec, SpecOperation op, JsonObject raw, List<String> path, List<Target> out,
      int depth) {
    JsonObject schema = spec.resolve(raw);
    if (!path.isEmpty()) {
      out.add(new Target(op, List.copyOf(path), schema));
    }
    if (depth < 4 && schema.has("properties")) {
      for (var property : schema.getAsJsonObject("properties").entrySet()) {
        path.add(property.getKey());
        collect(spec, op, property.getValue().getAsJsonObject(), path, out, depth + 1);
        path.remove(path.size() - 1);
      }
    }
  }

  /** Values that break {@code target}'s schema, whatever else the body holds. */
  private static Arbitrary<JsonElement> badValues(Target target) {
    JsonObject schema = target.schema();
    String type = schema.has("type") ? schema.get("type").getAsString()
        : schema.has("properties") ? "object" : "any";
    List<Arbitrary<JsonElement>> options = new ArrayList<>();
    options.add(Arbitraries.just(JsonNull.INSTANCE));
    switch (type) {
      case "string" -> {
        options.add(Arbitraries.integers().map(JsonPrimitive::new));
        options.add(Arbitraries.just(new JsonArray()));
        options.add(Arbitraries.just(new JsonPrimitive(true)));
        if (schema.has("maxLength")) {
          int max = schema.get("maxLength").getAsInt();
          options.add(Arbitraries.integers().between(max + 1, max + 300).map(n -> new JsonPrimitive("A".repeat(n))));
        }
        if (schema.has("enum")) {
          options.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20)
              .filter(s -> !enumHas(schema, s)).map(s -> new JsonPrimitive(s)));
        }
      }
      case "integer", "number" -> {
        options.add(Arbitraries.strings().ofMaxLength(10).map(JsonPrimitive::new));
        options.add(Arbitraries.of("1E+10000", "-1E+10000", "1E-10000", "9".repeat(500), "1E+100000000000")
            .map(text -> JsonParser.parseString(text)));
        if (schema.has("maximum")) {
          BigDecimal max = schema.get("maximum").getAsBigDecimal();
          options.add(Arbitraries.integers().between(1, 1_000_000).map(n -> new JsonPrimitive(max.add(BigDecimal.valueOf(n)))));
        }
        if (schema.has("minimum")) {
          BigDecimal min = schema.get("minimum").getAsBigDecimal();
          options.add(Arbitraries.integers().between(1, 1_000_000)
              .map(n -> new JsonPrimitive(min.subtract(BigDecimal.valueOf(n)))));
        }
        if ("integer".equals(type)) {
          options.add(Arbitraries.just(new JsonPrimitive(new BigDecimal("1.5"))));
        }
      }
      case "boolean" -> options.add(Arbitraries.of("true", "yes", "1").map(JsonPrimitive::new));
      case "array" -> {
        options.add(Arbitraries.just(new JsonObject()));
        options.add(Arbitraries.strings().ofMaxLength(5).map(JsonPrimitive::new));
      }
      case "object" -> {
        options.add(Arbitraries.just(new JsonArray()));
        options.add(Arbitraries.integers().map(JsonPrimitive::new));
        options.add(Arbitraries.strings().ofMaxLength(5).map(JsonPrimitive::new));
      }
      default -> { }
    }
    return Arbitraries.oneOf(options);
  }

  private static boolean enumHas(JsonObject schema, String value) {
    for (JsonElement allowed : schema.getAsJsonArray("enum")) {
      if (allowed.getAsString().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean parsesAsValid(Case c) {
    try {
      JsonElement tree = TokenSdkJson.parseTree(c.body());
      if (tree.isJsonNull()) {
        return !c.operation().requestBodyRequired();
      }
      return TokenSdkJson.validator(c.operation().spec()).validate(tree, c.operation().requestBodySchema(), "",
          ValidationMode.STRICT).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String abbreviate(JsonElement value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
