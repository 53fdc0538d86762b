package io.tokensdk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.internal.ConstructorConstructor;
import com.google.gson.internal.Excluder;
import com.google.gson.internal.bind.JsonAdapterAnnotationTypeAdapterFactory;
import com.google.gson.internal.bind.ReflectiveTypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.DeviceInfo;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The Gson adapters generated into the models against Gson's reflective adapter, which they replace: on any text, for
 * every model of the three specs, both read the same model or both fail with the same exception, and both write the
 * same text, with nulls left out and with nulls written. The documents follow each model's schema, with hostile values
 * mixed in: wrong types, nulls, unknown and repeated members, exotic numbers, cut-off and trailing text.
 */
class GeneratedAdapterTest {
  private static final Gson GENERATED = TokenSdkJson.gson();
  private static final Gson REFLECTIVE = reflective(GENERATED);
  private static final Gson GENERATED_NULLS = GENERATED.newBuilder().serializeNulls().create();
  private static final Gson REFLECTIVE_NULLS = reflective(GENERATED_NULLS);
  private static final List<Model> MODELS = models();

  /** A generated model and its schema. */
  record Model(SpecId spec, Class<?> type, JsonObject schema) {}

  /** A document to read as a model. */
  record Case(Model model, String json) {
    @Override
    public String toString() {
      return model.type().getSimpleName() + " " + (json.length() > 160 ? json.substring(0, 160) + "..." : json);
    }
  }

  @Example
  void everyModelIsReadAndWrittenByItsGeneratedAdapter() {
    // 38 models over the three specs at this writing; a lookup gone wrong finds none
    assertTrue(MODELS.size() >= 30, "models found: " + MODELS.size());
    for (Model model : MODELS) {
      TypeAdapter<?> adapter = GENERATED.getAdapter(model.type());
      assertEquals(model.type().getName() + "$GsonAdapter", adapter.getClass().getName());
      assertTrue(REFLECTIVE.getAdapter(model.type()) instanceof ReflectiveTypeAdapterFactory.Adapter);
    }
  }

  @Example
  void aNestedModelIsWrittenInTheSchemasOrderWithNullsLeftOut() {
    CreateTokenReq model = new CreateTokenReq().tokenRequestorId("1").issuerId("ISSUER0001")
        .deviceInfo(new DeviceInfo().brand("b"));
    assertEquals("{\"issuerId\":\"ISSUER0001\",\"tokenRequestorId\":\"1\",\"deviceInfo\":{\"brand\":\"b\"}}",
        GENERATED.toJson(model));
    assertEquals(model, GENERATED.fromJson("{\"deviceInfo\":{\"brand\":\"b\"},\"tokenRequestorId\":\"1\","
        + "\"unknown\":[1,{\"a\":null}],\"issuerId\":\"ISSUER0001\"}", CreateTokenReq.class));
  }

  @Property(tries = 4000)
  void generatedAndReflectiveAdaptersReadAndWriteAlike(@ForAll("documents") Case c) {
    Outcome generated = read(GENERATED, c);
    Outcome reflective = read(REFLECTIVE, c);
    Statistics.collect(reflective.failure() == null ? "read" : "refused");
    Statistics.coverage(coverage -> {
      coverage.check("read").percentage(p -> p > 30);
      coverage.check("refused").percentage(p -> p > 5);
    });
    assertEquals(reflective.failure(), generated.failure(), c.toString());
    assertEquals(reflective.model(), generated.model(), c.toString());
    if (reflective.model() != null) {
      Object model = reflective.model();
      assertEquals(REFLECTIVE.toJson(model), GENERATED.toJson(model), c.toString());
      assertEquals(REFLECTIVE_NULLS.toJson(model), GENERATED_NULLS.toJson(model), c.toString());
      assertEquals(REFLECTIVE.toJsonTree(model), GENERATED.toJsonTree(model), c.toString());
    }
    JsonElement tree;
    try {
      tree = JsonParser.parseString(c.json());
    } catch (RuntimeException e) {
      return;
    }
    assertEquals(read(REFLECTIVE, c.model(), tree), read(GENERATED, c.model(), tree), c + " (from its tree)");
  }

  /** A model read, or the class of the exception that refused the text. */
  record Outcome(Object model, Class<?> failure) {}

  private static Outcome read(Gson gson, Case c) {
    return outcome(() -> gson.fromJson(c.json(), c.model().type()));
  }

  private static Outcome read(Gson gson, Model model, JsonElement tree) {
    return outcome(() -> gson.fromJson(tree, model.type()));
  }

  private static Outcome outcome(Supplier<Object> read) {
    try {
      return new Outcome(read.get(), null);
    } catch (RuntimeException e) {
      return new Outcome(null, e.getClass());
    }
  }

  @Provide
  Arbitrary<Case> documents() {
    return Arbitraries.of(MODELS).flatMap(model -> Arbitraries.randomValue(random -> {
      String json = value(ApiSpec.of(model.spec()), model.schema(), random, 0).toString();
      return new Case(model, random.nextInt(8) == 0 ? textMutated(json, random) : json);
    }));
  }

  /** A value for {@code raw}: mostly one that fits it, sometimes a hostile one. */
  private static JsonElement value(ApiSpec spec, JsonObject raw, Random random, int depth) {
    if (random.nextInt(12) == 0) {
      return hostile(random);
    }
    JsonObject schema = spec.resolve(raw);
    if (schema.has("properties")) {
      JsonObject object = new JsonObject();
      List<String> names = new ArrayList<>(schema.getAsJsonObject("properties").keySet());
      if (random.nextInt(3) == 0) {
        Collections.shuffle(names, random);
      }
      for (String name : names) {
        if (depth < 5 && random.nextInt(3) != 0) {
          object.add(name, value(spec, schema.getAsJsonObject("properties").getAsJsonObject(name), random, depth + 1));
        }
      }
      if (random.nextInt(4) == 0) {
        object.add(random.nextBoolean() ? "unknownMember" : "x", hostile(random));
      }
      return object;
    }
    if (schema.has("items")) {
      JsonArray array = new JsonArray();
      for (int i = random.nextInt(4); i > 0 && depth < 5; i--) {
        array.add(value(spec, schema.getAsJsonObject("items"), random, depth + 1));
      }
      return array;
    }
    String type = schema.has("type") ? schema.get("type").getAsString() : "string";
    switch (type) {
      case "integer", "number":
        return new JsonPrimitive(random.nextInt(2000) - 1000);
      case "boolean":
        return new JsonPrimitive(random.nextBoolean());
      default:
        if (schema.has("enum")) {
          JsonArray values = schema.getAsJsonArray("enum");
          return values.get(random.nextInt(values.size()));
        }
        return new JsonPrimitive(List.of("ISSUER0001", "2026-11-23T12:15:32Z", "2026-11-23T12:15:32+01:00",
            "123e4567-e89b-12d3-a456-426614174000", "", "é\"\\\n\u2028<>&=", "\uD83D\uDE00").get(random.nextInt(7)));
    }
  }

  private static JsonElement hostile(Random random) {
    List<String> pool = List.of("null", "true", "false", "0", "-1.5", "1e2", "1E+10000", "9".repeat(30),
        "9223372036854775808", "\"x\"", "\"2026-13-45T99:00:00Z\"", "\"not-a-uuid\"", "{}", "[]", "[null]", "[1,\"a\"]",
        "{\"a\":{\"b\":[1e400]}}", "[{}]", "[[[[]]]]");
    return JsonParser.parseString(pool.get(random.nextInt(pool.size())));
  }

  /** Cut off, with trailing text, a member repeated, or a colon turned into a syntax error. */
  private static String textMutated(String json, Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return json.substring(0, random.nextInt(json.length()));
      case 1:
        return json + List.of(" x", "}", ",", " {}").get(random.nextInt(4));
      case 2:
        int comma = json.indexOf(',');
        return comma < 0 ? json : "{" + json.substring(1, comma) + "," + json.substring(1);
      default:
        return json.replaceFirst(":", ":,");
    }
  }

  /** Every schema of the three specs that has a generated model class with members. */
  private static List<Model> models() {
    List<Model> models = new ArrayList<>();
    for (SpecId spec : SpecId.values()) {
      ApiSpec api = ApiSpec.of(spec);
      for (String name : new java.util.TreeSet<>(api.schemaNames())) {
        Class<?> type;
        try {
          type = Class.forName("io.tokensdk.model." + spec.id() + "." + Character.toUpperCase(name.charAt(0))
              + name.substring(1));
        } catch (ClassNotFoundException e) {
          continue;
        }
        OpenApiSchema schema = type.getAnnotation(OpenApiSchema.class);
        if (!type.isEnum() && schema != null && schema.name().equals(name)) {
          models.add(new Model(spec, type, api.schema(name).orElseThrow()));
        }
      }
    }
    return models;
  }

  /** {@code base} with Gson's reflective adapter, not the generated one, for every model. */
  private static Gson reflective(Gson base) {
    ConstructorConstructor constructors = new ConstructorConstructor(Map.of(), true, List.of());
    ReflectiveTypeAdapterFactory reflective = new ReflectiveTypeAdapterFactory(constructors,
        FieldNamingPolicy.IDENTITY, Excluder.DEFAULT, new JsonAdapterAnnotationTypeAdapterFactory(constructors),
        List.of());
    TypeAdapterFactory models = new TypeAdapterFactory() {
      @Override
      public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        return raw.getName().startsWith("io.tokensdk.model.") && !raw.isEnum() ? reflective.create(gson, type) : null;
      }
    };
    return base.newBuilder().registerTypeAdapterFactory(models).create();
  }
}
