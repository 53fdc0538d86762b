package io.tokensdk.spec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks JSON values against the schemas of one {@link ApiSpec}. Unknown object fields are always accepted. A JSON
 * {@code null} counts as absent. Thread-safe; compiled patterns are cached.
 */
public final class SchemaValidator {
  private final ApiSpec spec;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /** A validator for the schemas of {@code spec}. */
  public SchemaValidator(ApiSpec spec) {
    this.spec = spec;
  }

  /** The spec whose schemas this validator checks. */
  public ApiSpec spec() {
    return spec;
  }

  /** Every violation of {@code value} against {@code schema}; empty when it conforms. */
  public List<Violation> validate(JsonElement value, JsonObject schema, String field, ValidationMode mode) {
    List<Violation> out = new ArrayList<>();
    check(value, schema, field, mode, out);
    return out;
  }

  /** Checks a parameter's raw string value (path or header) against its schema. */
  public List<Violation> validateParameter(String value, SpecParameter parameter, ValidationMode mode) {
    String field = parameter.isHeader() ? "header " + parameter.name() : parameter.name();
    if (value == null) {
      return parameter.required() ? List.of(Violation.missing(field)) : List.of();
    }
    JsonObject schema = spec.resolve(parameter.schema());
    String type = schema.has("type") ? schema.get("type").getAsString() : "string";
    JsonElement typed = new JsonPrimitive(value);
    if ("integer".equals(type) || "number".equals(type)) {
      try {
        typed = new JsonPrimitive(new BigDecimal(value));
      } catch (NumberFormatException e) {
        return List.of(Violation.badFormat(field, "must be a " + type));
      }
    }
    return validate(typed, schema, field, mode);
  }

  private void check(JsonElement value, JsonObject rawSchema, String field, ValidationMode mode, List<Violation> out) {
    JsonObject schema = spec.resolve(rawSchema);
    if (value == null || value.isJsonNull()) {
      return;
    }
    String type = schema.has("type") ? schema.get("type").getAsString() : inferType(schema);
    switch (type) {
      case "object" -> checkObject(value, schema, field, mode, out);
      case "array" -> checkArray(value, schema, field, mode, out);
      case "string" -> checkString(value, schema, field, mode, out);
      case "integer", "number" -> checkNumber(value, schema, field, type, mode, out);
      case "boolean" -> {
        if (!isPrimitive(value) || !value.getAsJsonPrimitive().isBoolean()) {
          out.add(Violation.badFormat(field, "must be a boolean"));
        }
      }
      default -> { }
    }
  }

  private static String inferType(JsonObject schema) {
    if (schema.has("properties")) {
      return "object";
    }
    return schema.has("items") ? "array" : "any";
  }

  private void checkObject(JsonElement value, JsonObject schema, String field, ValidationMode mode, List<Violation> out) {
    if (!value.isJsonObject()) {
      out.add(Violation.badFormat(displayName(field), "must be an object"));
      return;
    }
    JsonObject object = value.getAsJsonObject();
    if (schema.has("required")) {
      for (JsonElement name : schema.getAsJsonArray("required")) {
        JsonElement present = object.get(name.getAsString());
        if (present == null || present.isJsonNull()) {
          out.add(Violation.missing(child(field, name.getAsString())));
        }
      }
    }
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonElement> property : schema.getAsJsonObject("properties").entrySet()) {
        JsonElement child = object.get(property.getKey());
        if (child != null) {
          check(child, property.getValue().getAsJsonObject(), child(field, property.getKey()), mode, out);
        }
      }
    }
  }

  private void checkArray(JsonElement value, JsonObject schema, String field, ValidationMode mode, List<Violation> out) {
    if (!value.isJsonArray()) {
      out.add(Violation.badFormat(displayName(field), "must be an array"));
      return;
    }
    JsonArray array = value.getAsJsonArray();
    if (mode == ValidationMode.STRICT) {
      if (schema.has("minItems") && array.size() < schema.get("minItems").getAsInt()) {
        out.add(Violation.badFormat(field, "at least " + schema.get("minItems").getAsInt() + " items"));
      }
      if (schema.has("maxItems") && array.size() > schema.get("maxItems").getAsInt()) {
        out.add(Violation.badFormat(field, "at most " + schema.get("maxItems").getAsInt() + " items"));
      }
    }
    if (schema.has("items")) {
      JsonObject items = schema.getAsJsonObject("items");
      for (int i = 0; i < array.size(); i++) {
        check(array.get(i), items, field + "[" + i + "]", mode, out);
      }
    }
  }

  private void checkString(JsonElement value, JsonObject schema, String field, ValidationMode mode, List<Violation> out) {
    if (!isPrimitive(value) || !value.getAsJsonPrimitive().isString()) {
      out.add(Violation.badFormat(field, "must be a string"));
      return;
    }
    if (mode == ValidationMode.LENIENT) {
      return;
    }
    String text = value.getAsString();
    int length = text.codePointCount(0, text.length());
    if (schema.has("minLength") && length < schema.get("minLength").getAsInt()) {
      out.add(Violation.badFormat(field, "at least " + schema.get("minLength").getAsInt() + " characters"));
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").getAsInt()) {
      out.add(Violation.badFormat(field, "at most " + schema.get("maxLength").getAsInt() + " characters"));
    }
    if (schema.has("enum") && !enumContains(schema.getAsJsonArray("enum"), text)) {
      out.add(Violation.badFormat(field, "not one of the allowed values"));
    }
    if (schema.has("pattern") && !pattern(schema.get("pattern").getAsString()).matcher(text).find()) {
      out.add(Violation.badFormat(field, "does not match " + schema.get("pattern").getAsString()));
    }
    if (schema.has("format") && "date-time".equals(schema.get("format").getAsString()) && !isDateTime(text)) {
      out.add(Violation.badFormat(field, "must be an ISO 8601 date-time with offset"));
    }
  }

  private void checkNumber(
      JsonElement value, JsonObject schema, String field, String type, ValidationMode mode, List<Violation> out) {
    if (!isPrimitive(value) || !value.getAsJsonPrimitive().isNumber()) {
      out.add(Violation.badFormat(field, "must be a " + type));
      return;
    }
    BigDecimal number = value.getAsBigDecimal();
    if ("integer".equals(type) && !isIntegral(number)) {
      out.add(Violation.badFormat(field, "must be an integer"));
      return;
    }
    if ("integer".equals(type) && !fitsInLong(number)) {
      out.add(Violation.badFormat(field, "integer out of range"));
      return;
    }
    if (mode == ValidationMode.LENIENT) {
      return;
    }
    if (schema.has("minimum") && number.compareTo(schema.get("minimum").getAsBigDecimal()) < 0) {
      out.add(Violation.badFormat(field, "at least " + schema.get("minimum").getAsBigDecimal().toPlainString()));
    }
    if (schema.has("maximum") && number.compareTo(schema.get("maximum").getAsBigDecimal()) > 0) {
      out.add(Violation.badFormat(field, "at most " + schema.get("maximum").getAsBigDecimal().toPlainString()));
    }
    if (schema.has("enum") && !enumContains(schema.getAsJsonArray("enum"), number)) {
      out.add(Violation.badFormat(field, "not one of the allowed values"));
    }
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
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

  private static boolean fitsInLong(BigDecimal number) {
    return number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
  }

  private static boolean isPrimitive(JsonElement value) {
    return value.isJsonPrimitive();
  }

  private static String child(String parent, String name) {
    return parent == null || parent.isEmpty() ? name : parent + "." + name;
  }

  private static String displayName(String field) {
    return field == null || field.isEmpty() ? "body" : field;
  }
}
