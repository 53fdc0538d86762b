package io.tokensdk.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;

/** The packaged spec JSON, read independently of the generated conventions, for the tests that compare the two. */
final class SpecJson {
  private final JsonObject root;

  private SpecJson(JsonObject root) {
    this.root = root;
  }

  static SpecJson of(SpecId id) {
    try (Reader reader = new InputStreamReader(
        SpecJson.class.getResourceAsStream("/io/tokensdk/spec/" + id.id() + ".json"), StandardCharsets.UTF_8)) {
      return new SpecJson(JsonParser.parseReader(reader).getAsJsonObject());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  JsonObject root() {
    return root;
  }

  JsonObject resolve(JsonElement node) {
    JsonObject current = node.getAsJsonObject();
    while (current.has("$ref")) {
      JsonObject target = root;
      for (String part : current.get("$ref").getAsString().substring(2).split("/")) {
        target = target.getAsJsonObject(part);
      }
      current = target;
    }
    return current;
  }

  /** Every operation: (operationId, operation). */
  void forEachOperation(BiConsumer<String, JsonObject> visitor) {
    for (Map.Entry<String, JsonElement> path : root.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> method : path.getValue().getAsJsonObject().entrySet()) {
        JsonObject operation = method.getValue().getAsJsonObject();
        visitor.accept(operation.get("operationId").getAsString(), operation);
      }
    }
  }

  /** The x-tokensdk-sensitive value of a property, on it or on the schema it references; null when none. */
  String sensitivity(JsonElement property) {
    JsonObject current = property.getAsJsonObject();
    while (true) {
      if (current.has("x-tokensdk-sensitive")) {
        return current.get("x-tokensdk-sensitive").getAsString();
      }
      if (!current.has("$ref")) {
        return null;
      }
      JsonObject target = root;
      for (String part : current.get("$ref").getAsString().substring(2).split("/")) {
        target = target.getAsJsonObject(part);
      }
      current = target;
    }
  }

  /** Every (schema, property, sensitivity value) the spec marks. */
  void forEachSensitiveProperty(TriConsumer visitor) {
    for (Map.Entry<String, JsonElement> schema : root.getAsJsonObject("components").getAsJsonObject("schemas").entrySet()) {
      JsonObject properties = schema.getValue().getAsJsonObject().getAsJsonObject("properties");
      if (properties == null) {
        continue;
      }
      for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
        String value = sensitivity(property.getValue());
        if (value != null) {
          visitor.accept(schema.getKey(), property.getKey(), value);
        }
      }
    }
  }

  interface TriConsumer {
    void accept(String schema, String property, String sensitivity);
  }
}
