package io.tokensdk.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.Sensitivity;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Redacts JSON bodies and header values for the HTTP log. A field or header that the spec marks
 * {@code x-tokensdk-sensitive} is redacted as its sensitivity class says (the same rule as the models' {@code toString()}),
 * wherever it appears; so is a plaintext field of an encrypted payload ({@code x-tokensdk-payload-fields}) that a peer
 * sends in clear. Any run of 12 to 19 digits is masked as a last resort.
 */
final class LogRedactor {
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9]{12,19}(?![0-9])");

  private final ApiConventions conventions;

  LogRedactor(ApiSpec spec) {
    this.conventions = ApiConventions.of(spec.id());
  }

  String header(String name, String value) {
    return conventions.headerSensitivity(name).map(sensitivity -> sensitivity.redact(value)).orElseGet(() -> maskDigits(value));
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
    Optional<Sensitivity> sensitivity = name == null || node.isJsonNull() ? Optional.empty() : conventions.fieldSensitivity(name);
    if (sensitivity.isPresent()) {
      return new JsonPrimitive(sensitivity.get().redact(node.isJsonPrimitive() ? node.getAsString() : node.toString()));
    }
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
    return node;
  }

  static String maskDigits(String text) {
    return DIGIT_RUN.matcher(text).replaceAll(m -> {
      String digits = m.group();
      return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    });
  }
}
