package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.TokenInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The one-pass read of a request body ({@link SchemaValidator#readConforming}) and write of an answer
 * ({@link SchemaValidator#writeConforming}) against the tree paths they stand in for. A write in one pass must give
 * exactly the text of the validated tree, and leave every model with a violation to the tree path. For the read: the
 * tree path is parse, screen, strict validation, bind. Whenever the one pass returns a model, the tree path must find no
 * violation and bind the same model; whenever the tree path finds a violation or a malformed body, the one pass must
 * return nothing, so that the answer, and the first violation it names, come from the tree path as before. Checked on
 * the valid sample of every operation of the three specs and on hostile mutations of them: wrong types, nulls, unknown
 * members, huge and exotic numbers, deep nesting, repeated members, truncated and trailing text.
 */
class OnePassTest {
  private static final Map<SpecId, ApiHandler> HANDLERS = Map.of(
      SpecId.TSP, new TestHandlers.FullTsp(new Recorder()),
      SpecId.COF, new TestHandlers.Cof(new Recorder()),
      SpecId.PAT, new TestHandlers.Pat(new Recorder()));
  private static final String DEEP = "[".repeat(300) + "]".repeat(300);

  /** What the tree path makes of a body: a model, or why not. */
  record TreeVerdict(String refusal, Object model) {}

  /** One body to read for an operation, and whether nulls count as absent. */
  record Case(SpecOperation operation, String body, boolean nullAsAbsent) {
    @Override
    public String toString() {
      return operation.operationId() + (nullAsAbsent ? " (nulls absent) " : " ") + abbreviate(body);
    }
  }

  @Property(tries = 3000)
  void aModelReadInOnePassIsExactlyWhatTheTreePathBinds(@ForAll("hostile") Case c) {
    Optional<?> onePass = onePass(c);
    TreeVerdict tree = treePath(c);
    Statistics.collect(onePass.isPresent() ? "read in one pass" : "left to the tree path");
    Statistics.coverage(coverage -> {
      coverage.check("read in one pass").percentage(p -> p > 15);
      coverage.check("left to the tree path").percentage(p -> p > 30);
    });
    if (onePass.isPresent()) {
      assertEquals(null, tree.refusal(), c + ": read in one pass, refused by the tree path");
      assertEquals(TokenSdkJson.write(tree.model()), TokenSdkJson.write(onePass.get()), c.toString());
    }
  }

  @Property(tries = 3000)
  void aModelWrittenInOnePassIsExactlyTheTextOfItsValidatedTree(@ForAll("hostile") Case c) {
    Object model;
    try {
      model = TokenSdkJson.gson().fromJson(c.body(), bodyType(c.operation()));
    } catch (RuntimeException e) {
      model = null;
    }
    Assume.that(model != null);
    JsonObject schema = c.operation().requestBodySchema();
    Optional<byte[]> onePass = TokenSdkJson.validator(c.operation().spec()).writeConforming(model, schema,
        TokenSdkJson.gson());
    JsonElement tree = TokenSdkJson.toTree(model);
    List<Violation> violations = TokenSdkJson.validator(c.operation().spec()).validate(tree, schema, "",
        ValidationMode.STRICT);
    Statistics.collect(onePass.isPresent() ? "written in one pass" : "left to the tree path");
    Statistics.coverage(coverage -> {
      coverage.check("written in one pass").percentage(p -> p > 15);
      coverage.check("left to the tree path").percentage(p -> p > 15);
    });
    if (onePass.isPresent()) {
      assertEquals(List.of(), violations, c + ": written in one pass, refused by the tree path");
      assertArrayEquals(TokenSdkJson.writeTree(tree).getBytes(StandardCharsets.UTF_8), onePass.get(), c.toString());
    }
  }

  @Example
  void anAnswerIsWrittenInOnePassOnlyWhenItsTreeConforms() {
    SchemaValidator validator = TokenSdkJson.validator(SpecId.TSP);
    JsonObject schema = operation("createToken").responseSchemas().get(200);
    CreateTokenRes valid = new CreateTokenRes().tokenId("tok-1")
        .tokenInfo(new TokenInfo().last4("5678").exp("1229").encryptedData("eyJ.x"));
    assertArrayEquals(TokenSdkJson.writeTree(TokenSdkJson.toTree(valid)).getBytes(StandardCharsets.UTF_8),
        validator.writeConforming(valid, schema, TokenSdkJson.gson()).orElseThrow());
    for (CreateTokenRes broken : List.of(new CreateTokenRes().tokenId("tok-1"),
        new CreateTokenRes().tokenId("tok-1").tokenInfo(new TokenInfo().last4("56789")),
        new CreateTokenRes().tokenId("").tokenInfo(new TokenInfo()))) {
      assertTrue(validator.writeConforming(broken, schema, TokenSdkJson.gson()).isEmpty());
      assertTrue(!validator.validate(TokenSdkJson.toTree(broken), schema, "", ValidationMode.STRICT).isEmpty());
    }
  }

  @Example
  void everyValidSampleIsReadInOnePassAsTheTreePathBindsIt() {
    for (SpecOperation operation : operations()) {
      for (boolean nullAsAbsent : new boolean[] {false, true}) {
        Case c = new Case(operation, Samples.BODIES.get(operation.operationId()), nullAsAbsent);
        Optional<?> onePass = onePass(c);
        assertTrue(onePass.isPresent(), c + " was not read in one pass");
        assertEquals(TokenSdkJson.write(treePath(c).model()), TokenSdkJson.write(onePass.get()), c.toString());
      }
    }
  }

  @Example
  void unknownMembersWithNullsObjectsAndPlainNumbersAreSkippedInOnePass() {
    SpecOperation createToken = operation("createToken");
    String body = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"1\","
        + "\"extra\":null,\"more\":{\"a\":[1,-2.5,true,null,\"x\"],\"b\":{}},\"extra\":12345}";
    for (boolean nullAsAbsent : new boolean[] {false, true}) {
      Case c = new Case(createToken, body, nullAsAbsent);
      assertTrue(onePass(c).isPresent(), c.toString());
      assertEquals(TokenSdkJson.write(treePath(c).model()), TokenSdkJson.write(onePass(c).get()));
    }
  }

  @Example
  void whatTheTreePathRefusesIsLeftToItWithItsFirstViolation() {
    String valid = "\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"1\"";
    Map<String, String> refused = Map.ofEntries(
        Map.entry("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\"}",
            "missing mandatory parameter: tokenRequestorId"),
        Map.entry("{" + valid + ",\"issuerId\":null}", "bad parameter format: issuerId (must not be null)"),
        Map.entry("{" + valid + ",\"issuerId\":12}", "bad parameter format: issuerId (must be a string)"),
        Map.entry("{" + valid + ",\"issuerId\":true}", "bad parameter format: issuerId (must be a string)"),
        Map.entry("{" + valid + ",\"issuerId\":\"SHORT\"}", "bad parameter format: issuerId (at least 10 characters)"),
        Map.entry("{" + valid + ",\"initialState\":\"GONE\"}",
            "bad parameter format: initialState (not one of the allowed values)"),
        Map.entry("{" + valid + ",\"deviceInfo\":[]}", "bad parameter format: deviceInfo (must be an object)"),
        Map.entry("{" + valid + ",\"deviceInfo\":{\"brand\":\"\"}}",
            "bad parameter format: deviceInfo.brand (at least 1 characters)"),
        Map.entry("{" + valid + ",\"extra\":1E+10000}", "bad parameter format: extra (number out of range)"),
        Map.entry("{" + valid + ",\"extra\":" + "9".repeat(500) + "}",
            "bad parameter format: extra (number out of range)"),
        Map.entry("{" + valid + ",\"extra\":" + DEEP + "}", "malformed"),
        Map.entry("{" + valid, "malformed"),
        Map.entry("{" + valid + "}}", "malformed"),
        Map.entry("{" + valid + "} x", "malformed"),
        Map.entry("{'issuerId':'ISSUER0001'}", "malformed"),
        Map.entry("null", "null body"),
        Map.entry("[]", "bad parameter format: body (must be an object)"),
        Map.entry("\"x\"", "bad parameter format: body (must be an object)"));
    SpecOperation createToken = operation("createToken");
    refused.forEach((body, refusal) -> {
      Case c = new Case(createToken, body, false);
      assertEquals(refusal, treePath(c).refusal(), c.toString());
      assertTrue(onePass(c).isEmpty(), c + " was read in one pass");
    });
  }

  @Example
  void aMemberNamedTwiceOrAnExoticNumberIsLeftToTheTreePath() {
    String valid = "\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"1\"";
    SpecOperation createToken = operation("createToken");
    SpecOperation replenishment = operation("requestReplenishment");
    String replenishmentBody = Samples.BODIES.get("requestReplenishment");
    for (Case c : List.of(
        new Case(createToken, "{" + valid + ",\"cardRefId\":\"d\"}", false),
        new Case(createToken, "{\"issuerId\":null," + valid + "}", true),
        new Case(createToken, "{" + valid + ",\"extra\":1e2}", false),
        new Case(replenishment, replenishmentBody.replace("\"usageLimitsStatus\":{}",
            "\"usageLimitsStatus\":{\"paymentRemaining\":1.0}"), false))) {
      assertTrue(onePass(c).isEmpty(), c + " was read in one pass");
    }
  }

  private static Optional<?> onePass(Case c) {
    SpecOperation operation = c.operation();
    byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
    return TokenSdkJson.validator(operation.spec()).readConforming(body, body.length,
        operation.requestBodySchema(), TokenSdkJson.gson().getAdapter(bodyType(operation)));
  }

  /** The tree path of {@link RequestReader}, step by step. */
  private static TreeVerdict treePath(Case c) {
    SpecOperation operation = c.operation();
    JsonElement tree;
    try {
      tree = BodyTree.parse(c.body(), c.nullAsAbsent());
    } catch (MalformedJsonException e) {
      return new TreeVerdict("malformed", null);
    }
    if (tree.isJsonNull()) {
      return new TreeVerdict("null body", null);
    }
    ApiSpec spec = ApiSpec.of(operation.spec());
    List<Violation> violations = new JsonScreen(spec).check(tree, operation.requestBodySchema());
    if (violations.isEmpty()) {
      violations = TokenSdkJson.validator(operation.spec()).validate(tree, operation.requestBodySchema(), "",
          ValidationMode.STRICT);
    }
    if (!violations.isEmpty()) {
      return new TreeVerdict(violations.get(0).message(), null);
    }
    try {
      return new TreeVerdict(null, TokenSdkJson.gson().fromJson(tree, bodyType(operation)));
    } catch (RuntimeException e) {
      return new TreeVerdict("does not bind", null);
    }
  }

  @Provide
  Arbitrary<Case> hostile() {
    Arbitrary<SpecOperation> operations = Arbitraries.of(operations());
    return operations.flatMap(operation -> {
      JsonObject sample = JsonParser.parseString(Samples.BODIES.get(operation.operationId())).getAsJsonObject();
      List<List<String>> paths = new ArrayList<>();
      collect(ApiSpec.of(operation.spec()), operation.requestBodySchema(), new ArrayList<>(), paths, 0);
      paths.add(List.of("unknownMember"));
      Arbitrary<String> body = Arbitraries.oneOf(
          mutated(sample, paths, 1), mutated(sample, paths, 3), mutated(sample, List.of(List.of("unknown")), 2),
          mutated(sample, paths, 1).flatMap(OnePassTest::textMutated),
          reordered(sample, paths),
          Arbitraries.of("null", "[]", "{}", "\"x\"", "1", "", " ", "{\"a\":", DEEP));
      return Combinators.combine(body, Arbitraries.of(false, true)).as((text, nulls) -> new Case(operation, text, nulls));
    });
  }

  /** The sample with {@code count} members (known or not, at any depth) set to a value from a wide pool. */
  private static Arbitrary<String> mutated(JsonObject sample, List<List<String>> paths, int count) {
    Arbitrary<List<String>> path = Arbitraries.of(paths);
    return Combinators.combine(path, values()).as(Map::entry).list().ofSize(count).map(changes -> {
      JsonObject body = sample.deepCopy();
      changes.forEach(change -> Samples.set(body, change.getKey(), change.getValue()));
      return body.toString();
    });
  }

  /**
   * A text-level change: truncated, trailing data, a member repeated, the value of the first member removed, whitespace
   * between the tokens, a character escaped.
   */
  private static Arbitrary<String> textMutated(String json) {
    int firstComma = json.indexOf(',');
    String firstMember = firstComma < 0 ? json.substring(1, json.length() - 1) : json.substring(1, firstComma);
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, Math.max(0, json.length() - 1)).map(end -> json.substring(0, end)),
        Arbitraries.of(" x", "}", ",", " {}", "\u0000").map(tail -> json + tail),
        Arbitraries.just(firstMember.isEmpty() ? json : "{" + firstMember + "," + json.substring(1)),
        Arbitraries.just(json.replaceFirst(":", ":,")),
        Arbitraries.just(json.replace(",\"", " ,\n\t\"").replace("\":", "\"\r: ").replace("{", "{ ")),
        Arbitraries.just(json.replaceFirst("\"([a-z])", "\"\\\\u0061$1").replace("/", "\\/")));
  }

  /**
   * The sample with one member changed and its members in another order. The one pass looks for each name first where
   * the schema's order puts it, then by name; its verdict must not depend on the order.
   */
  private static Arbitrary<String> reordered(JsonObject sample, List<List<String>> paths) {
    Arbitrary<Map.Entry<List<String>, JsonElement>> change = Combinators.combine(Arbitraries.of(paths), values())
        .as(Map::entry);
    return Combinators.combine(change, Arbitraries.shuffle(new ArrayList<>(sample.keySet()))).as((c, order) -> {
      JsonObject body = sample.deepCopy();
      Samples.set(body, c.getKey(), c.getValue());
      JsonObject shuffled = new JsonObject();
      order.stream().filter(body::has).forEach(name -> shuffled.add(name, body.get(name)));
      // a member the change added goes last
      body.keySet().stream().filter(name -> !shuffled.has(name)).forEach(name -> shuffled.add(name, body.get(name)));
      return shuffled.toString();
    });
  }

  private static Arbitrary<JsonElement> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(JsonNull.INSTANCE, new JsonObject(), new JsonArray(), new JsonPrimitive(true),
            new JsonPrimitive(""), new JsonPrimitive("ISSUER0001"), new JsonPrimitive("ACTIVE"),
            new JsonPrimitive("SUSPENDED"), new JsonPrimitive("2026-11-23T12:15:32Z"),
            new JsonPrimitive("2026-11-23T12:15:32"), new JsonPrimitive("123e4567-e89b-12d3-a456-426614174000"),
            new JsonPrimitive("\uD83D\uDE00".repeat(9))),
        Arbitraries.strings().ofMaxLength(70).map(JsonPrimitive::new),
        Arbitraries.integers().map(JsonPrimitive::new),
        Arbitraries.longs().map(JsonPrimitive::new),
        Arbitraries.of("1.0", "-0", "0.5", "1e2", "1E+10000", "-1E-10000", "9".repeat(40), "9".repeat(41),
            "9".repeat(500), "2147483648", "-2147483649", "9223372036854775808", "[null]", "[1,2,3]", "[\"a\",\"b\"]",
            "{\"a\":{\"b\":[1e400]}}", "[{}]", "[{\"type\":\"LUK\"}]").map(JsonParser::parseString),
        Arbitraries.of(100, 300).map(OnePassTest::nested));
  }

  /** Arrays nested {@code depth} deep (the JSON reader refuses more than 255). */
  private static JsonElement nested(int depth) {
    JsonArray outer = new JsonArray();
    JsonArray inner = outer;
    for (int i = 1; i < depth; i++) {
      JsonArray next = new JsonArray();
      inner.add(next);
      inner = next;
    }
    return outer;
  }

  /** Every member path reachable through objects, to some depth. */
  private static void collect(ApiSpec spec, JsonObject raw, List<String> path, List<List<String>> out, int depth) {
    JsonObject schema = spec.resolve(raw);
    if (!path.isEmpty()) {
      out.add(List.copyOf(path));
    }
    if (depth < 4 && schema.has("properties")) {
      for (var property : schema.getAsJsonObject("properties").entrySet()) {
        path.add(property.getKey());
        collect(spec, property.getValue().getAsJsonObject(), path, out, depth + 1);
        path.remove(path.size() - 1);
      }
    }
  }

  private static List<SpecOperation> operations() {
    List<SpecOperation> all = new ArrayList<>();
    for (SpecId id : SpecId.values()) {
      ApiSpec.of(id).operations().stream().filter(op -> op.requestBodySchema() != null).forEach(all::add);
    }
    return all;
  }

  private static SpecOperation operation(String operationId) {
    return ApiSpec.of(SpecId.TSP).operation(operationId).orElseThrow();
  }

  private static Class<?> bodyType(SpecOperation operation) {
    return HANDLERS.get(operation.spec()).bodyType(operation.operationId());
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }
}
