package io.tokensdk.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the schema validator does not see in a request body: JSON {@code null} where the schema does not allow it (OAS
 * 3.0: only {@code nullable: true} does), and numbers no model can hold ({@code 1E+10000}). Also removes nulls for a
 * mount that reads them as absent. Thread-safe.
 */
final class JsonScreen {
  /** Beyond this many digits or this exponent, a number fits no type of the models (long, double, BigDecimal use). */
  private static final int MAX_NUMBER_DIGITS = 400;

  private final ApiSpec spec;

  JsonScreen(ApiSpec spec) {
    this.spec = spec;
  }

  /** The nulls the schema does not allow and the numbers out of every range, each named by its field. */
  List<Violation> check(JsonElement body, JsonObject schema) {
    List<Violation> out = new ArrayList<>();
    walk(body, schema, "", out);
    return out;
  }

  private void walk(JsonElement value, JsonObject rawSchema, String field, List<Violation> out) {
    JsonObject schema = rawSchema == null ? null : spec.resolve(rawSchema);
    if (value.isJsonPrimitive()) {
      if (value.getAsJsonPrimitive().isNumber() && !fits(value.getAsJsonPrimitive())) {
        out.add(badFormat(field, "number out of range"));
      }
    } else if (value.isJsonObject()) {
      JsonObject properties = schema != null && schema.has("properties") ? schema.getAsJsonObject("properties") : null;
      for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
        JsonObject child = properties == null ? null : properties.getAsJsonObject(member.getKey());
        String name = field.isEmpty() ? member.getKey() : field + "." + member.getKey();
        if (member.getValue().isJsonNull()) {
          if (child != null && !nullable(child)) {
            out.add(badFormat(name, "must not be null"));
          }
        } else {
          walk(member.getValue(), child, name, out);
        }
      }
    } else if (value.isJsonArray()) {
      JsonObject items = schema != null && schema.has("items") ? schema.getAsJsonObject("items") : null;
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        String name = field + "[" + i + "]";
        if (array.get(i).isJsonNull()) {
          if (items != null && !nullable(items)) {
            out.add(badFormat(name, "must not be null"));
          }
        } else {
          walk(array.get(i), items, name, out);
        }
      }
    }
  }

  private boolean nullable(JsonObject schema) {
    JsonObject resolved = spec.resolve(schema);
    return resolved.has("nullable") && resolved.get("nullable").getAsBoolean();
  }

  private static boolean fits(JsonPrimitive number) {
    String text = number.getAsString();
    if (text.length() > MAX_NUMBER_DIGITS) {
      return false;
    }
    try {
      BigDecimal parsed = new BigDecimal(text);
      return Math.abs((long) parsed.scale()) <= MAX_NUMBER_DIGITS;
    } catch (NumberFormatException | ArithmeticException e) {
      return false;
    }
  }

  private static Violation badFormat(String field, String rule) {
    String name = field.isEmpty() ? "body" : field;
    return new Violation(name, Violation.Kind.BAD_FORMAT, "bad parameter format: " + name + " (" + rule + ")");
  }

  /** A copy of {@code value} without the object members that are null. */
  static JsonElement withoutNulls(JsonElement value) {
    if (value.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
        if (!member.getValue().isJsonNull()) {
          copy.add(member.getKey(), withoutNulls(member.getValue()));
        }
      }
      return copy;
    }
    if (value.isJsonArray()) {
      JsonArray copy = new JsonArray();
      value.getAsJsonArray().forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return value;
  }
}
