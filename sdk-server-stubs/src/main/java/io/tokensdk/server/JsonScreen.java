package io.tokensdk.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema validator does not see in a request body: JSON {@code null} where the schema does not allow it (OAS
 * 3.0: only {@code nullable: true} does), and numbers no model can hold ({@code 1E+10000}). Also removes nulls for a
 * mount that reads them as absent. The request body schemas of the spec are compiled once, their {@code $ref}s
 * resolved, so that a check only walks the value. Thread-safe.
 */
final class JsonScreen {
  /** Beyond this many digits or this exponent, a number fits no type of the models (long, double, BigDecimal use). */
  private static final int MAX_NUMBER_DIGITS = 400;

  private final ApiSpec spec;
  /** The compiled request body schemas of the spec's operations, by node identity; never changed. */
  private final Map<JsonObject, Node> bodies = new IdentityHashMap<>();
  /** Schemas from elsewhere, compiled on first use; guarded by itself. */
  private final Map<JsonObject, Node> late = new IdentityHashMap<>();

  JsonScreen(ApiSpec spec) {
    this.spec = spec;
    Map<JsonObject, Node> compiled = new IdentityHashMap<>();
    for (SpecOperation operation : spec.operations()) {
      if (operation.requestBodySchema() != null) {
        bodies.put(operation.requestBodySchema(), compile(operation.requestBodySchema(), compiled));
      }
    }
  }

  /** The nulls the schema does not allow and the numbers out of every range, each named by its field. */
  List<Violation> check(JsonElement body, JsonObject schema) {
    List<Violation> out = new ArrayList<>(0);
    walk(body, node(schema), null, out);
    return out;
  }

  private Node node(JsonObject schema) {
    if (schema == null) {
      return null;
    }
    Node node = bodies.get(schema);
    if (node != null) {
      return node;
    }
    synchronized (late) {
      return late.computeIfAbsent(schema, s -> compile(s, new IdentityHashMap<>()));
    }
  }

  /** The node of {@code raw}, its {@code $ref}s resolved; a cycle reuses the node being built. */
  private Node compile(JsonObject raw, Map<JsonObject, Node> compiled) {
    JsonObject schema = spec.resolve(raw);
    Node existing = compiled.get(schema);
    if (existing != null) {
      return existing;
    }
    Node node = new Node(schema.has("nullable") && schema.get("nullable").getAsBoolean());
    compiled.put(schema, node);
    if (schema.has("properties")) {
      Map<String, Node> properties = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> property : schema.getAsJsonObject("properties").entrySet()) {
        properties.put(property.getKey(), compile(property.getValue().getAsJsonObject(), compiled));
      }
      node.properties = properties;
    }
    if (schema.has("items")) {
      node.items = compile(schema.getAsJsonObject("items"), compiled);
    }
    return node;
  }

  private static void walk(JsonElement value, Node node, Path path, List<Violation> out) {
    if (value.isJsonPrimitive()) {
      if (!fits(value.getAsJsonPrimitive())) {
        out.add(badFormat(Path.render(path), "number out of range"));
      }
    } else if (value.isJsonObject()) {
      Map<String, Node> properties = node == null ? null : node.properties;
      for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
        Node child = properties == null ? null : properties.get(member.getKey());
        JsonElement memberValue = member.getValue();
        if (memberValue.isJsonNull()) {
          if (child != null && !child.nullable) {
            out.add(badFormat(Path.render(new Path(path, member.getKey(), -1)), "must not be null"));
          }
        } else if (!memberValue.isJsonPrimitive() || !fits(memberValue.getAsJsonPrimitive())) {
          walk(memberValue, child, new Path(path, member.getKey(), -1), out);
        }
      }
    } else if (value.isJsonArray()) {
      Node items = node == null ? null : node.items;
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        JsonElement item = array.get(i);
        if (item.isJsonNull()) {
          if (items != null && !items.nullable) {
            out.add(badFormat(Path.render(new Path(path, null, i)), "must not be null"));
          }
        } else if (!item.isJsonPrimitive() || !fits(item.getAsJsonPrimitive())) {
          walk(item, items, new Path(path, null, i), out);
        }
      }
    }
  }

  /** True unless {@code value} is a number no model can hold. */
  private static boolean fits(JsonPrimitive value) {
    if (!value.isNumber()) {
      return true;
    }
    String text = value.getAsString();
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

  /** One schema, compiled: whether it allows null, and the nodes of its properties and items (null: none). */
  private static final class Node {
    final boolean nullable;
    Map<String, Node> properties;
    Node items;

    Node(boolean nullable) {
      this.nullable = nullable;
    }
  }

  /**
   * Where a value sits in the body ({@code a.b[2]}), built only on the way down into containers and rendered only for
   * a violation.
   */
  private record Path(Path parent, String name, int index) {
    static String render(Path path) {
      if (path == null) {
        return "";
      }
      String parent = render(path.parent);
      if (path.name == null) {
        return parent + "[" + path.index + "]";
      }
      return parent.isEmpty() ? path.name : parent + "." + path.name;
    }
  }
}
