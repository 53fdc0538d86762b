package io.tokensdk.spec;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks JSON values against the schemas of one {@link ApiSpec}. Unknown object fields are always accepted. A JSON
 * {@code null} counts as absent. Every schema of the spec is compiled once, when the validator is built, into a checker
 * with every {@code $ref} resolved and every pattern compiled, so that a check only walks the value; a schema from
 * elsewhere is compiled on first use. Thread-safe.
 */
public final class SchemaValidator {
  /**
   * The one-pass reader of each thread, kept from document to document: a Gson {@code JsonReader} carries a 2 KB
   * character buffer, which the byte reader never uses but would allocate for every document.
   */
  private static final ThreadLocal<ConformingReader> READERS = ThreadLocal.withInitial(ConformingReader::new);
  private final ApiSpec spec;
  /** The checkers of every schema the spec's operations and components hold, by node identity; never changed. */
  private final Map<JsonObject, Checker> precompiled;
  /** Checkers of schemas from elsewhere, compiled on first use; guarded by itself. */
  private final Map<JsonObject, Checker> late = new IdentityHashMap<>();

  /** A validator for the schemas of {@code spec}; compiles them all. */
  public SchemaValidator(ApiSpec spec) {
    this.spec = spec;
    Map<JsonObject, Checker> all = new IdentityHashMap<>();
    Compiler compiler = new Compiler(all, Map.of());
    for (SpecOperation operation : spec.operations()) {
      operation.parameters().forEach(parameter -> compiler.compile(parameter.schema()));
      if (operation.requestBodySchema() != null) {
        compiler.compile(operation.requestBodySchema());
      }
      operation.responseSchemas().values().forEach(compiler::compile);
    }
    spec.schemaNames().forEach(name -> compiler.compile(spec.schema(name).orElseThrow()));
    this.precompiled = all;
  }

  /** The spec whose schemas this validator checks. */
  public ApiSpec spec() {
    return spec;
  }

  /** Every violation of {@code value} against {@code schema}; empty when it conforms. */
  public List<Violation> validate(JsonElement value, JsonObject schema, String field, ValidationMode mode) {
    List<Violation> out = new ArrayList<>();
    checker(schema).check(value, field, null, -1, mode, out);
    return out;
  }

  /**
   * Reads one JSON document straight into a model with {@code adapter}, checking it strictly against {@code schema} as
   * it goes: one pass, no tree. Empty whenever the reader cannot vouch for the document: not strict JSON, a violation,
   * a JSON {@code null} where the schema names the member, a number it does not judge (an exponent, more than 40
   * characters), a member repeated, a value the adapter reads that the schema does not describe, a failure of the
   * adapter. The caller then parses the tree and {@linkplain #validate validates} it, which names the first violation.
   * A model returned is what the adapter binds from the tree of the same document, which then has no violation.
   *
   * @param json the document, {@code length} bytes of UTF-8 from the start of the array
   */
  public <T> Optional<T> readConforming(byte[] json, int length, JsonObject schema, TypeAdapter<T> adapter) {
    ConformingReader reader = READERS.get();
    if (reader.reading()) {
      // a read within a read (an adapter that reads a document of its own): a reader of its own
      reader = new ConformingReader(json, length, checker(schema));
    } else {
      reader.start(json, length, checker(schema));
    }
    try {
      T model = adapter.read(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? Optional.ofNullable(model) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      // not vouched for: the tree path decides, and names what is wrong
      return Optional.empty();
    } finally {
      reader.finish();
    }
  }

  /**
   * Writes {@code model} as JSON in UTF-8 with {@code gson}'s adapter for its class, checking it strictly against
   * {@code schema} as it goes: one pass, no tree, into a buffer sized by the last document written against that schema.
   * Empty whenever the writer cannot vouch for the document (see {@link #readConforming}; a null member is left out and
   * counts as absent), the caller then serialises the model to a tree and {@linkplain #validate validates} it, which
   * names the first violation. The bytes returned are the UTF-8 of the text serialising that tree gives. {@code gson}
   * must leave nulls out, as the SDK's does.
   */
  @SuppressWarnings("unchecked")
  public Optional<byte[]> writeConforming(Object model, JsonObject schema, Gson gson) {
    Checker checker = checker(schema);
    StringBuilder text = new StringBuilder(Math.min(checker.lastWrittenLength, 16 * 1024) + 64);
    try (ConformingWriter writer = new ConformingWriter(text, gson.htmlSafe(), checker)) {
      ((TypeAdapter<Object>) gson.getAdapter(model.getClass())).write(writer, model);
    } catch (IOException | RuntimeException e) {
      // not vouched for: the tree path decides, and names what is wrong
      return Optional.empty();
    }
    checker.lastWrittenLength = text.length();
    return Optional.of(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Checks a parameter's raw string value (path or header) against its schema. */
  public List<Violation> validateParameter(String value, SpecParameter parameter, ValidationMode mode) {
    String field = parameter.isHeader() ? "header " + parameter.name() : parameter.name();
    if (value == null) {
      return parameter.required() ? List.of(Violation.missing(field)) : List.of();
    }
    Checker checker = checker(parameter.schema());
    JsonElement typed = new JsonPrimitive(value);
    if (checker.isNumeric()) {
      try {
        typed = new JsonPrimitive(new BigDecimal(value));
      } catch (NumberFormatException e) {
        return List.of(Violation.badFormat(field, "must be a " + checker.type));
      }
    }
    List<Violation> out = new ArrayList<>();
    checker.check(typed, field, null, -1, mode, out);
    return out;
  }

  private Checker checker(JsonObject schema) {
    Checker checker = precompiled.get(schema);
    if (checker != null) {
      return checker;
    }
    synchronized (late) {
      return new Compiler(late, precompiled).compile(schema);
    }
  }

  /** Compiles schemas into {@code target}, reusing what {@code known} or {@code target} already hold. */
  private final class Compiler {
    private final Map<JsonObject, Checker> target;
    private final Map<JsonObject, Checker> known;

    Compiler(Map<JsonObject, Checker> target, Map<JsonObject, Checker> known) {
      this.target = target;
      this.known = known;
    }

    /** The checker of {@code raw}, its {@code $ref}s resolved; a cycle reuses the checker being built. */
    Checker compile(JsonObject raw) {
      Checker existing = find(raw);
      if (existing != null) {
        return existing;
      }
      JsonObject schema = spec.resolve(raw);
      existing = find(schema);
      if (existing != null) {
        target.put(raw, existing);
        return existing;
      }
      Checker checker = new Checker(schema.has("type") ? schema.get("type").getAsString() : inferType(schema));
      target.put(raw, checker);
      target.put(schema, checker);
      checker.fill(schema, this);
      return checker;
    }

    private Checker find(JsonObject node) {
      Checker checker = known.get(node);
      return checker != null ? checker : target.get(node);
    }
  }

  private static String inferType(JsonObject schema) {
    if (schema.has("properties")) {
      return "object";
    }
    return schema.has("items") ? "array" : "any";
  }

  /** One schema, compiled: its constraints read once, its references resolved. */
  static final class Checker {
    private final String type;
    private List<String> required = List.of();
    private Map<String, Checker> properties = Map.of();
    /** The position of each property in {@link #properties}, for {@link ConformingReader}'s member bitmask. */
    private Map<String, Integer> propertyIndex = Map.of();
    /** The property names in the order of {@link #properties}, which is the order a generated model writes them in. */
    private String[] propertyNames = new String[0];
    private Checker[] propertyCheckers = new Checker[0];
    /** The bits of the required properties; meaningful when {@link #trackable}. */
    private long requiredMask;
    /** An object whose members fit one bitmask: at most 64 properties, every required one among them. */
    private boolean trackable;
    private Checker items;
    private Integer minItems;
    private Integer maxItems;
    private Integer minLength;
    private Integer maxLength;
    private JsonArray enumValues;
    private String patternText;
    private Pattern pattern;
    private boolean dateTime;
    /**
     * The length of the last document written in one pass with this checker at its root: the next one's buffer is
     * sized from it. Shared by threads without a lock; any length a thread sees only sizes a buffer.
     */
    private int lastWrittenLength = 448;
    /** An {@code integer} of {@code format: int32}: its models hold it in an {@code Integer}. */
    private boolean int32;
    private BigDecimal minimum;
    private BigDecimal maximum;

    Checker(String type) {
      this.type = type;
    }

    void fill(JsonObject schema, Compiler compiler) {
      if (schema.has("required")) {
        List<String> names = new ArrayList<>();
        schema.getAsJsonArray("required").forEach(name -> names.add(name.getAsString()));
        required = List.copyOf(names);
      }
      if (schema.has("properties")) {
        Map<String, Checker> children = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> property : schema.getAsJsonObject("properties").entrySet()) {
          children.put(property.getKey(), compiler.compile(property.getValue().getAsJsonObject()));
        }
        properties = children;
      }
      indexProperties();
      if (schema.has("items")) {
        items = compiler.compile(schema.getAsJsonObject("items"));
      }
      minItems = integer(schema, "minItems");
      maxItems = integer(schema, "maxItems");
      minLength = integer(schema, "minLength");
      maxLength = integer(schema, "maxLength");
      enumValues = schema.has("enum") ? schema.getAsJsonArray("enum") : null;
      if (schema.has("pattern")) {
        patternText = schema.get("pattern").getAsString();
        pattern = Pattern.compile(patternText);
      }
      dateTime = schema.has("format") && "date-time".equals(schema.get("format").getAsString());
      int32 = "integer".equals(type) && schema.has("format") && "int32".equals(schema.get("format").getAsString());
      minimum = schema.has("minimum") ? schema.get("minimum").getAsBigDecimal() : null;
      maximum = schema.has("maximum") ? schema.get("maximum").getAsBigDecimal() : null;
    }

    private void indexProperties() {
      // interned like the names a generated adapter writes (literals): the expected name then matches by identity
      propertyNames = properties.keySet().stream().map(String::intern).toArray(String[]::new);
      propertyCheckers = properties.values().toArray(new Checker[0]);
      Map<String, Integer> index = new HashMap<>();
      properties.keySet().forEach(name -> index.put(name, index.size()));
      propertyIndex = index;
      trackable = properties.size() <= Long.SIZE && index.keySet().containsAll(required);
      if (trackable) {
        required.forEach(name -> requiredMask |= 1L << index.get(name));
      }
    }

    private static Integer integer(JsonObject schema, String key) {
      return schema.has(key) ? schema.get(key).getAsInt() : null;
    }

    boolean isNumeric() {
      return "integer".equals(type) || "number".equals(type);
    }

    boolean isObject() {
      return "object".equals(type);
    }

    boolean isArray() {
      return "array".equals(type);
    }

    boolean trackable() {
      return trackable;
    }

    long requiredMask() {
      return requiredMask;
    }

    /**
     * The position of property {@code name}, or -1 when the schema does not name it. {@code expected} is the position
     * the caller expects, tried first: a document written from a generated model names the schema's properties in
     * their order, so the next name is usually the property after the last one, and one comparison (by identity when
     * the model's adapter passes the same string) finds it without hashing the name.
     */
    int propertyIndex(String name, int expected) {
      if (expected < propertyNames.length) {
        String candidate = propertyNames[expected];
        if (candidate == name || candidate.equals(name)) {
          return expected;
        }
      }
      Integer index = propertyIndex.get(name);
      return index == null ? -1 : index;
    }

    /** The name of the property at {@code index}, or null past the last. */
    String propertyName(int index) {
      return index < propertyNames.length ? propertyNames[index] : null;
    }

    Checker property(int index) {
      return propertyCheckers[index];
    }

    Checker items() {
      return items;
    }

    /** Whether an array of {@code size} items breaks minItems or maxItems (strict mode). */
    boolean breaksSize(int size) {
      return tooFew(size) || tooMany(size);
    }

    private boolean tooFew(int size) {
      return minItems != null && size < minItems;
    }

    private boolean tooMany(int size) {
      return maxItems != null && size > maxItems;
    }

    /**
     * Checks {@code value}, named {@code parent.name} (object member), {@code parent[index]} (array item) or
     * {@code parent} (neither): the name is only built for a container or a violation.
     */
    void check(JsonElement value, String parent, String name, int index, ValidationMode mode, List<Violation> out) {
      if (value == null || value.isJsonNull()) {
        return;
      }
      switch (type) {
        case "object" -> checkObject(value, fieldOf(parent, name, index), mode, out);
        case "array" -> checkArray(value, fieldOf(parent, name, index), mode, out);
        case "string" -> checkString(value, parent, name, index, mode, out);
        case "integer", "number" -> checkNumber(value, parent, name, index, mode, out);
        case "boolean" -> {
          if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            out.add(Violation.badFormat(fieldOf(parent, name, index), "must be a boolean"));
          }
        }
        default -> { }
      }
    }

    private void checkObject(JsonElement value, String field, ValidationMode mode, List<Violation> out) {
      if (!value.isJsonObject()) {
        out.add(Violation.badFormat(displayName(field), "must be an object"));
        return;
      }
      JsonObject object = value.getAsJsonObject();
      for (String name : required) {
        JsonElement present = object.get(name);
        if (present == null || present.isJsonNull()) {
          out.add(Violation.missing(child(field, name)));
        }
      }
      for (Map.Entry<String, Checker> property : properties.entrySet()) {
        JsonElement child = object.get(property.getKey());
        if (child != null) {
          property.getValue().check(child, field, property.getKey(), -1, mode, out);
        }
      }
    }

    private void checkArray(JsonElement value, String field, ValidationMode mode, List<Violation> out) {
      if (!value.isJsonArray()) {
        out.add(Violation.badFormat(displayName(field), "must be an array"));
        return;
      }
      JsonArray array = value.getAsJsonArray();
      if (mode == ValidationMode.STRICT) {
        if (tooFew(array.size())) {
          out.add(Violation.badFormat(field, "at least " + minItems + " items"));
        }
        if (tooMany(array.size())) {
          out.add(Violation.badFormat(field, "at most " + maxItems + " items"));
        }
      }
      if (items != null) {
        for (int i = 0; i < array.size(); i++) {
          items.check(array.get(i), field, null, i, mode, out);
        }
      }
    }

    private void checkString(JsonElement value, String parent, String name, int index, ValidationMode mode,
        List<Violation> out) {
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "must be a string"));
        return;
      }
      if (mode == ValidationMode.LENIENT) {
        return;
      }
      String text = value.getAsString();
      int length = codePoints(text);
      if (minLength != null && length < minLength) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "at least " + minLength + " characters"));
      }
      if (maxLength != null && length > maxLength) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "at most " + maxLength + " characters"));
      }
      if (enumValues != null && !enumContains(enumValues, text)) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "not one of the allowed values"));
      }
      if (pattern != null && !pattern.matcher(text).find()) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "does not match " + patternText));
      }
      if (dateTime && !isDateTime(text)) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "must be an ISO 8601 date-time with offset"));
      }
    }

    /**
     * The length of {@code text} in code points, as far as the length bounds need it: a code point is one or two
     * chars, so the chars are counted only when their number alone cannot decide a bound.
     */
    private int codePoints(String text) {
      int chars = text.length();
      boolean undecided = maxLength != null && chars > maxLength || minLength != null && (chars + 1) / 2 < minLength;
      return undecided ? text.codePointCount(0, chars) : chars;
    }

    private void checkNumber(JsonElement value, String parent, String name, int index, ValidationMode mode,
        List<Violation> out) {
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "must be a " + type));
        return;
      }
      BigDecimal number = value.getAsBigDecimal();
      if ("integer".equals(type) && !isIntegral(number)) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "must be an integer"));
        return;
      }
      if ("integer".equals(type) && !(int32 ? fitsInInt(number) : fitsInLong(number))) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "integer out of range"));
        return;
      }
      if (mode == ValidationMode.LENIENT) {
        return;
      }
      if (minimum != null && number.compareTo(minimum) < 0) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "at least " + minimum.toPlainString()));
      }
      if (maximum != null && number.compareTo(maximum) > 0) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "at most " + maximum.toPlainString()));
      }
      if (enumValues != null && !enumContains(enumValues, number)) {
        out.add(Violation.badFormat(fieldOf(parent, name, index), "not one of the allowed values"));
      }
    }
  }

  private static boolean enumContains(JsonArray values, String text) {
    for (JsonElement allowed : values) {
      if (allowed.isJsonPrimitive() && allowed.getAsString().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean enumContains(JsonArray values, BigDecimal number) {
    for (JsonElement allowed : values) {
      if (allowed.isJsonPrimitive() && allowed.getAsJsonPrimitive().isNumber()
          && allowed.getAsBigDecimal().compareTo(number) == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isIntegral(BigDecimal number) {
    return number.signum() == 0 || number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /** Within an {@code Integer}, which a model of an int32 holds it in (binding would cut a larger one silently). */
  private static boolean fitsInInt(BigDecimal number) {
    return number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
        && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  private static boolean fitsInLong(BigDecimal number) {
    return number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  /** The name of a member ({@code parent.name}), an item ({@code parent[index]}) or the value itself ({@code parent}). */
  private static String fieldOf(String parent, String name, int index) {
    if (name != null) {
      return child(parent, name);
    }
    return index >= 0 ? parent + "[" + index + "]" : parent;
  }

  private static String child(String parent, String name) {
    return parent == null || parent.isEmpty() ? name : parent + "." + name;
  }

  private static String displayName(String field) {
    return field == null || field.isEmpty() ? "body" : field;
  }
}
