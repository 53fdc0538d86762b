package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecOperation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which answers carry card or credential material, from the spec's {@code x-tokensdk-sensitive} marks as the API's
 * conventions give them: an answer whose schema holds a sensitive property (card data, key material, encrypted data), at
 * any depth, is sent with {@code Cache-Control: no-store}. Computed once per mount.
 */
final class SensitiveAnswers {
  /** The statuses whose answer is sensitive, by operationId. */
  private final Map<String, Set<Integer>> sensitive = new HashMap<>();

  private final ApiSpec spec;
  private final ApiConventions conventions;

  SensitiveAnswers(ApiSpec spec, ApiConventions conventions) {
    this.spec = spec;
    this.conventions = conventions;
    for (SpecOperation op : spec.operations()) {
      for (Map.Entry<Integer, JsonObject> response : op.responseSchemas().entrySet()) {
        if (holdsSensitive(null, response.getValue(), new HashSet<>())) {
          sensitive.computeIfAbsent(op.operationId(), id -> new HashSet<>()).add(response.getKey());
        }
      }
    }
  }

  /** {@code answer} with {@code Cache-Control: no-store} when the operation's answer of its status is sensitive. */
  ServerResponse mark(SpecOperation operation, ServerResponse answer) {
    Set<Integer> statuses = sensitive.get(operation.operationId());
    return statuses != null && statuses.contains(answer.status())
        ? answer.withHeader("Cache-Control", "no-store") : answer;
  }

  /** True when {@code schema} (a schema named {@code name}, or inline when null) holds a sensitive property. */
  private boolean holdsSensitive(String name, JsonObject schema, Set<String> seen) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").getAsString();
      return seen.add(ref) && holdsSensitive(ref.substring(ref.lastIndexOf('/') + 1), spec.resolve(schema), seen);
    }
    if (schema.has("properties")) {
      for (Map.Entry<String, JsonElement> property : schema.getAsJsonObject("properties").entrySet()) {
        if (name != null && conventions.sensitivity(name, property.getKey()).isPresent()
            || holdsSensitive(null, property.getValue().getAsJsonObject(), seen)) {
          return true;
        }
      }
    }
    if (schema.has("items") && holdsSensitive(null, schema.getAsJsonObject("items"), seen)) {
      return true;
    }
    for (String composite : new String[] {"allOf", "oneOf", "anyOf"}) {
      if (schema.has(composite)) {
        for (JsonElement part : schema.getAsJsonArray(composite)) {
          if (holdsSensitive(null, part.getAsJsonObject(), seen)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
