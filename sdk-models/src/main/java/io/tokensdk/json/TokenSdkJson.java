package io.tokensdk.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one JSON set-up of the SDK: a shared {@link Gson} that knows the types the models use, strict parsing, and
 * validation of a document against the schema its model was generated from.
 */
public final class TokenSdkJson {
  private static final Gson GSON = new GsonBuilder()
      .disableHtmlEscaping()
      .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
      .create();
  /** Read on every request by every thread: a concurrent map, so that a lookup takes no lock. */
  private static final Map<SpecId, SchemaValidator> VALIDATORS = new ConcurrentHashMap<>();
  /** The schema each generated model was made from, looked up once per class. */
  private static final ClassValue<Optional<ModelSchema>> MODEL_SCHEMAS = new ClassValue<>() {
    @Override
    protected Optional<ModelSchema> computeValue(Class<?> type) {
      OpenApiSchema schema = type.getAnnotation(OpenApiSchema.class);
      if (schema == null) {
        return Optional.empty();
      }
      SchemaValidator validator = validator(SpecId.of(schema.spec()));
      return validator.spec().schema(schema.name()).map(found -> new ModelSchema(validator, found));
    }
  };

  /** A model's schema and the validator of its spec. */
  private record ModelSchema(SchemaValidator validator, JsonObject schema) {}

  private TokenSdkJson() {}

  /** The shared, thread-safe Gson instance. */
  public static Gson gson() {
    return GSON;
  }

  /** The validator of a spec, created once. */
  public static SchemaValidator validator(SpecId spec) {
    SchemaValidator validator = VALIDATORS.get(spec);
    return validator != null ? validator
        : VALIDATORS.computeIfAbsent(spec, id -> new SchemaValidator(ApiSpec.of(id)));
  }

  /**
   * Parses text as strict JSON (RFC 8259: no comments, no single quotes, no trailing garbage).
   *
   * @throws MalformedJsonException when the text is not JSON; the message does not quote it
   */
  public static JsonElement parseTree(String json) {
    return parseTree(new StringReader(json));
  }

  /**
   * Parses the characters of {@code json} as strict JSON, like {@link #parseTree(String)}, without a copy of the text;
   * closes the reader.
   *
   * @throws MalformedJsonException when the text is not JSON; the message does not quote it
   */
  public static JsonElement parseTree(Reader json) {
    try (JsonReader reader = new JsonReader(json)) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement tree = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new MalformedJsonException("malformed JSON: data after the end of the document");
      }
      return tree;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new MalformedJsonException("malformed JSON");
    }
  }

  /**
   * Parses a model, checking the required fields and JSON types of its schema; unknown fields and enum values pass.
   *
   * @throws MalformedJsonException when the text is not JSON
   * @throws SchemaViolationException when a required field is missing or a type is wrong
   */
  public static <T> T parse(String json, Class<T> type) {
    return read(parseTree(json), type, ValidationMode.LENIENT);
  }

  /** Binds an already parsed tree to a model after validating it in the given mode. */
  public static <T> T read(JsonElement tree, Class<T> type, ValidationMode mode) {
    List<Violation> violations = validate(tree, type, mode);
    if (!violations.isEmpty()) {
      throw new SchemaViolationException(violations);
    }
    try {
      return GSON.fromJson(tree, type);
    } catch (JsonParseException | NumberFormatException e) {
      throw new MalformedJsonException("JSON does not fit " + type.getSimpleName());
    }
  }

  /**
   * Reads a generated model from JSON text in one pass, checking it strictly against its schema as it goes
   * ({@link SchemaValidator#readConforming}): no tree; members the schema does not name are skipped. Empty whenever that
   * pass cannot vouch for the document: a type without a schema, a value outside the schema (an enum value unknown to
   * this version among them), a null, malformed JSON. The caller then takes the tree path ({@link #parseTree},
   * {@link #read}), which decides, keeps what a lenient read keeps and names what is wrong. A model returned conforms
   * strictly, so leniently too, and is the one that path binds from the same text.
   */
  public static <T> Optional<T> readConforming(String json, Class<T> type) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    if (utf8.length != json.length() && !new String(utf8, StandardCharsets.UTF_8).equals(json)) {
      // a lone surrogate, which UTF-8 cannot carry: the tree path reads the text as it is
      return Optional.empty();
    }
    return readConforming(utf8, utf8.length, type);
  }

  /**
   * Reads a generated model from the first {@code length} bytes of {@code utf8}, JSON in UTF-8, as
   * {@link #readConforming(String, Class)} reads the text they encode: the bytes are read in place.
   */
  public static <T> Optional<T> readConforming(byte[] utf8, int length, Class<T> type) {
    Optional<ModelSchema> model = MODEL_SCHEMAS.get(type);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    return model.get().validator().readConforming(utf8, length, model.get().schema(), GSON.getAdapter(type));
  }

  /** The violations of a tree against the schema of a generated model; empty for types without a schema. */
  public static List<Violation> validate(JsonElement tree, Class<?> type, ValidationMode mode) {
    return MODEL_SCHEMAS.get(type)
        .map(model -> model.validator().validate(tree, model.schema(), "", mode))
        .orElse(List.of());
  }

  /** Serializes a model; null fields are left out. */
  public static String write(Object model) {
    return GSON.toJson(model);
  }

  /**
   * Serializes a tree, as {@code gson().toJson(tree)} does, into a buffer sized for a typical API body (no growth
   * copies, no synchronized {@code StringWriter}).
   */
  public static String writeTree(JsonElement tree) {
    StringBuilder text = new StringBuilder(512);
    GSON.toJson(tree, text);
    return text.toString();
  }

  /** Serializes a model to a tree, for validation before it is sent. */
  public static JsonElement toTree(Object model) {
    return GSON.toJsonTree(model);
  }

  private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
    @Override
    public void write(JsonWriter out, OffsetDateTime value) throws IOException {
      out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    @Override
    public OffsetDateTime read(JsonReader in) throws IOException {
      String text = in.nextString();
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonParseException("not an ISO 8601 date-time");
      }
    }
  }
}
