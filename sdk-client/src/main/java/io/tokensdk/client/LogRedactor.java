package io.tokensdk.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.Redaction;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiSpec;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Redacts JSON bodies and header values for the HTTP log. Encrypted fields are the ones the spec marks
 * {@code x-tokensdk-sensitive}; plaintext card fields are known by name; and any run of 12 to 19 digits is masked as a
 * last resort, wherever it appears.
 */
final class LogRedactor {
  private static final Set<String> CARD_FIELDS = Set.of(
      "fpan", "dpan", "pan", "newfpan", "cvv", "cvv2", "cvc", "exp", "newexp", "fpanexp", "tokenexpiry", "expirydate",
      "accountnumber", "realaccountnumber");
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9]{12,19}(?![0-9])");

  private final Set<String> sensitiveFields;

  LogRedactor(ApiSpec spec) {
    this.sensitiveFields = sensitiveFieldNames(spec);
  }

  String header(String name, String value) {
    if ("authorization".equalsIgnoreCase(name)) {
      int space = value.indexOf(' ');
      return (space > 0 ? value.substring(0, space) : "") + " ***";
    }
    return maskDigits(value);
  }

  String body(String json) {
    if (json == null || json.isEmpty()) {
      return "";
    }
    try {
      JsonElement tree = TokenSdkJson.parseTree(json);
      return maskDigits(TokenSdkJson.gson().toJson(redact(tree, null)));
    } catch (MalformedJsonException e) {
      return "<non-JSON body, " + json.length() + " chars>";
    }
  }

  private JsonElement redact(JsonElement node, String name) {
    if (node.isJsonObject()) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, JsonElement> entry : node.getAsJsonObject().entrySet()) {
        copy.add(entry.getKey(), redact(entry.getValue(), entry.getKey()));
      }
      return copy;
    }
    if (node.isJsonArray()) {
      JsonArray copy = new JsonArray();
      for (JsonElement item : node.getAsJsonArray()) {
        copy.add(redact(item, name));
      }
      return copy;
    }
    if (name != null && node.isJsonPrimitive()) {
      if (CARD_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
        return new JsonPrimitive("***");
      }
      if (sensitiveFields.contains(name)) {
        return new JsonPrimitive(Redaction.sensitive(node.getAsString()));
      }
    }
    return node;
  }

  static String maskDigits(String text) {
    return DIGIT_RUN.matcher(text).replaceAll(m -> {
      String digits = m.group();
      return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    });
  }

  private static Set<String> sensitiveFieldNames(ApiSpec spec) {
    Set<String> names = new HashSet<>();
    spec.schemaNames().forEach(schemaName -> spec.schema(schemaName).ifPresent(schema -> {
      JsonObject properties = schema.getAsJsonObject("properties");
      if (properties == null) {
        return;
      }
      for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
        JsonObject resolved = spec.resolve(property.getValue().getAsJsonObject());
        if (resolved.has("x-tokensdk-sensitive") && resolved.get("x-tokensdk-sensitive").getAsBoolean()) {
          names.add(property.getKey());
        }
      }
    }));
    return Set.copyOf(names);
  }
}
