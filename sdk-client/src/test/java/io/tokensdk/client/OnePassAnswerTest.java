package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.SchemaViolationException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.tsp.CciState;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.ValidationMode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The client's one-pass read of a success answer ({@link TokenSdkJson#readConforming}) against the lenient tree path it
 * stands in for (text, parse, lenient validation, bind). Whenever the one pass returns a model, the tree path binds the
 * same model; and whatever the answer, {@link ResponseReader} gives exactly what the tree path alone gave: the same model
 * (unknown members skipped, unknown enum values kept, nulls read as absent) or the same
 * {@link UnexpectedResponseException} message. Checked on the answers of every operation of the three specs that has a
 * JSON success body, and on mutations of them: unknown members, unknown enum values, nulls, wrong types, odd numbers,
 * truncated and trailing text.
 */
class OnePassAnswerTest {
  private static final MediaType JSON = MediaType.get("application/json");

  /** One success answer to read: the operation, the model type its client method returns, and the body. */
  record Answer(SpecOperation operation, Class<?> type, String body) {
    @Override
    public String toString() {
      return operation.operationId() + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
    }
  }

  @Property(tries = 3000)
  void theOnePassReadGivesWhatTheTreePathGives(@ForAll("answers") Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    Optional<?> onePass = TokenSdkJson.readConforming(answer.body(), answer.type());
    String treePath = treePath(answer);
    Statistics.collect(onePass.isPresent() ? "read in one pass" : "left to the tree path");
    Statistics.coverage(coverage -> {
      coverage.check("read in one pass").percentage(p -> p > 15);
      coverage.check("left to the tree path").percentage(p -> p > 30);
    });
    if (onePass.isPresent()) {
      assertEquals(treePath, "model " + TokenSdkJson.write(onePass.get()), answer.toString());
    }
    assertEquals(treePath, outcome(read(answer, bytes)), answer.toString());
  }

  @Example
  void everyOperationWithAJsonSuccessBodyHasASampleAnswerReadInOnePass() throws IOException {
    List<String> withBody = new ArrayList<>();
    for (SpecId id : SpecId.values()) {
      ApiSpec.of(id).operations().stream().filter(op -> op.successSchema().isPresent())
          .forEach(op -> withBody.add(op.operationId()));
    }
    assertEquals(withBody.stream().sorted().toList(), samples().keySet().stream().toList());
    for (Answer answer : samples().values()) {
      Optional<?> onePass = TokenSdkJson.readConforming(answer.body(), answer.type());
      assertTrue(onePass.isPresent(), answer + " was not read in one pass");
      assertEquals(treePath(answer), "model " + TokenSdkJson.write(onePass.get()));
      assertEquals(JsonParser.parseString(answer.body()), TokenSdkJson.toTree(onePass.get()));
    }
  }

  @Example
  void unknownMembersAreSkippedInOnePassAndUnknownEnumValuesAndNullsAreReadLeniently() throws IOException {
    Answer createToken = samples().get("createToken");
    String unknownMember = createToken.body().replaceFirst("\\{", "{\"newField\":{\"a\":[1,true,null]},");
    Answer withUnknownMember = new Answer(createToken.operation(), createToken.type(), unknownMember);
    byte[] bytes = unknownMember.getBytes(StandardCharsets.UTF_8);
    assertTrue(TokenSdkJson.readConforming(unknownMember, CreateTokenRes.class).isPresent());
    assertEquals("tok-0001", ((CreateTokenRes) read(withUnknownMember, bytes).value()).getTokenId());

    Answer listTokens = samples().get("listTokens");
    String lenient = listTokens.body().replace("\"ACTIVE\"", "\"HIBERNATING\"")
        .replace("\"creationDate\":\"2026-11-23T10:00:00Z\"", "\"creationDate\":null");
    bytes = lenient.getBytes(StandardCharsets.UTF_8);
    assertTrue(TokenSdkJson.readConforming(lenient, ListTokensRes.class).isEmpty());
    ListTokensRes read = (ListTokensRes) read(new Answer(listTokens.operation(), listTokens.type(), lenient), bytes)
        .value();
    assertEquals(CciState.UNKNOWN_TO_SDK_VERSION, read.getTokenList().get(0).getState());
    assertEquals("HIBERNATING", read.getTokenList().get(0).getStateAsString());
    assertEquals(null, read.getTokenList().get(0).getCreationDate());
  }

  /**
   * What the client makes of a success answer on the tree path alone: a model written back, or the failure's message
   * (an empty or null body is a failure, not a null model).
   */
  private static String treePath(Answer answer) {
    String operationId = answer.operation().operationId();
    try {
      JsonElement tree = TokenSdkJson.parseTree(answer.body());
      if (tree.isJsonNull()) {
        return "failure " + new UnexpectedResponseException(operationId, 200,
            "the body is empty or null, not a " + answer.type().getSimpleName()).getMessage();
      }
      Object model = TokenSdkJson.read(tree, answer.type(), ValidationMode.LENIENT);
      return "model " + TokenSdkJson.write(model);
    } catch (MalformedJsonException e) {
      return "failure " + new UnexpectedResponseException(operationId, 200, "the body is not JSON").getMessage();
    } catch (SchemaViolationException e) {
      return "failure " + new UnexpectedResponseException(operationId, 200, e.getMessage()).getMessage();
    }
  }

  private static String outcome(AttemptResult<?> result) {
    if (result.succeeded()) {
      return "model " + TokenSdkJson.write(result.value());
    }
    assertEquals(UnexpectedResponseException.class, result.failure().getClass());
    return "failure " + result.failure().getMessage();
  }

  /** The answer read by the client's {@link ResponseReader}, as a 200 in {@code application/json}. */
  private static AttemptResult<?> read(Answer answer, byte[] bytes) throws IOException {
    SpecId spec = answer.operation().spec();
    Response response = new Response.Builder()
        .request(new Request.Builder().url("http://localhost/").build())
        .protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .header("Content-Type", "application/json")
        .body(ResponseBody.create(bytes, JSON))
        .build();
    return new ResponseReader(ApiProtocol.of(spec), Clock.systemUTC())
        .read(answer.operation().operationId(), response, answer.type());
  }

  /** The sample success answer of every operation that has one, by operationId, with its client's return type. */
  private static Map<String, Answer> samples() {
    Map<String, Answer> out = new TreeMap<>();
    for (WireCase wire : WireCases.all()) {
      if (wire.responseJson() == null) {
        continue;
      }
      SpecId id = ClientWireTest.specOf(wire.path());
      SpecOperation operation = ApiSpec.of(id).operation(wire.operationId()).orElseThrow();
      out.put(wire.operationId(), new Answer(operation, returnType(id, wire.operationId()), wire.responseJson()));
    }
    return out;
  }

  private static Class<?> returnType(SpecId id, String operationId) {
    String client = switch (id) {
      case TSP -> "io.tokensdk.client.tsp.TspClient";
      case COF -> "io.tokensdk.client.cof.CofNotificationClient";
      case PAT -> "io.tokensdk.client.pat.PatNotificationClient";
    };
    try {
      return Stream.of(Class.forName(client).getMethods()).filter(m -> m.getName().equals(operationId))
          .map(Method::getReturnType).findFirst().orElseThrow();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Provide
  Arbitrary<Answer> answers() {
    return Arbitraries.of(List.copyOf(samples().values())).flatMap(sample -> {
      JsonObject body = JsonParser.parseString(sample.body()).getAsJsonObject();
      List<List<String>> paths = new ArrayList<>();
      ApiSpec spec = ApiSpec.of(sample.operation().spec());
      memberPaths(spec, sample.operation().successSchema().orElseThrow(), new ArrayList<>(), paths, 0);
      paths.add(List.of("unknownMember"));
      Arbitrary<String> text = Arbitraries.frequencyOf(
          Tuple.of(1, Arbitraries.just(sample.body())),
          Tuple.of(3, changed(body, paths, 1)),
          Tuple.of(2, changed(body, paths, 3)),
          Tuple.of(2, changed(body, List.of(List.of("unknownMember"), List.of("other")), 2)),
          Tuple.of(1, changed(body, paths, 1).flatMap(OnePassAnswerTest::cut)),
          Tuple.of(1, Arbitraries.of("null", "[]", "{}", "\"x\"", "1", "", " ", "{\"a\":")));
      return text.map(answer -> new Answer(sample.operation(), sample.type(), answer));
    });
  }

  /** The body with {@code count} members, known or not, at any depth (an array's first item too), set to some value. */
  private static Arbitrary<String> changed(JsonObject body, List<List<String>> paths, int count) {
    return Combinators.combine(Arbitraries.of(paths), values()).as(Map::entry).list().ofSize(count).map(changes -> {
      JsonObject copy = body.deepCopy();
      changes.forEach(change -> set(copy, change.getKey(), change.getValue()));
      return copy.toString();
    });
  }

  /** Truncated text, or trailing data. */
  private static Arbitrary<String> cut(String json) {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, json.length() - 1).map(end -> json.substring(0, end)),
        Arbitraries.of(" x", "}", ",", " {}").map(tail -> json + tail));
  }

  private static Arbitrary<JsonElement> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(JsonNull.INSTANCE, new JsonObject(), new JsonArray(), new JsonPrimitive(true),
            new JsonPrimitive(""), new JsonPrimitive("ACTIVE"), new JsonPrimitive("SUSPENDED"),
            new JsonPrimitive("HIBERNATING"), new JsonPrimitive("RAW"), new JsonPrimitive("0000"),
            new JsonPrimitive("1301"), new JsonPrimitive("1229"), new JsonPrimitive("2026-11-23T10:00:00Z"),
            new JsonPrimitive("2026-11-23T10:00:00"), new JsonPrimitive(WireCases.MESSAGE_ID),
            new JsonPrimitive("\u00e9\u20ac\uD83D\uDE00")),
        Arbitraries.strings().ofMaxLength(40).map(JsonPrimitive::new),
        Arbitraries.integers().map(JsonPrimitive::new),
        Arbitraries.of("1.5", "-0", "1e2", "9".repeat(41), "2147483648", "[null]", "[\"a\",\"b\"]", "[{}]",
            "{\"a\":{\"b\":[1e400]}}").map(JsonParser::parseString));
  }

  /** Sets {@code value} at {@code path} ({@code []}: an array's first item), making the containers on the way. */
  private static void set(JsonObject body, List<String> path, JsonElement value) {
    JsonElement node = body;
    for (int i = 0; i < path.size(); i++) {
      String name = path.get(i);
      boolean last = i == path.size() - 1;
      JsonElement child = last ? value.deepCopy()
          : "[]".equals(path.get(i + 1)) ? new JsonArray() : new JsonObject();
      if (node.isJsonArray()) {
        JsonArray array = node.getAsJsonArray();
        if (array.isEmpty()) {
          array.add(child);
        } else if (last || !sameKind(array.get(0), child)) {
          array.set(0, child);
        }
        node = array.get(0);
      } else {
        JsonObject object = node.getAsJsonObject();
        if (last || !sameKind(object.get(name), child)) {
          object.add(name, child);
        }
        node = object.get(name);
      }
    }
  }

  private static boolean sameKind(JsonElement existing, JsonElement wanted) {
    return existing != null && existing.isJsonArray() == wanted.isJsonArray()
        && existing.isJsonObject() == wanted.isJsonObject();
  }

  /** Every member path through objects and arrays' items, to some depth. */
  private static void memberPaths(ApiSpec spec, JsonObject raw, List<String> path, List<List<String>> out, int depth) {
    JsonObject schema = spec.resolve(raw);
    if (!path.isEmpty()) {
      out.add(List.copyOf(path));
    }
    if (depth >= 5) {
      return;
    }
    if (schema.has("items")) {
      path.add("[]");
      memberPaths(spec, schema.getAsJsonObject("items"), path, out, depth + 1);
      path.remove(path.size() - 1);
    }
    if (schema.has("properties")) {
      for (var property : schema.getAsJsonObject("properties").entrySet()) {
        path.add(property.getKey());
        memberPaths(spec, property.getValue().getAsJsonObject(), path, out, depth + 1);
        path.remove(path.size() - 1);
      }
    }
  }
}
