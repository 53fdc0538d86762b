import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Build-time generator (run by sdk-models' pom, in generate-sources): reads a spec, as the build resolved it to JSON, and
 * writes its conventions class ({@code <Id>Conventions}, a {@code io.tokensdk.spec.SpecConventions}) and its code enum
 * from the {@code x-tokensdk-*} extensions documented in specs/README.md. It fails the build when an extension is
 * missing or malformed.
 *
 * <p>Arguments: groups of {@code <spec.json> <spec id> <source root>}.
 */
public final class GenerateConventions {
  private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

  private final String id;
  private final JsonObject root;
  private final String pkg;

  private GenerateConventions(String id, JsonObject root) {
    this.id = id;
    this.root = root;
    this.pkg = "io.tokensdk.model." + id;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args.length % 3 != 0) {
      throw new IllegalArgumentException("usage: (<spec.json> <spec id> <source root>)...");
    }
    for (int i = 0; i < args.length; i += 3) {
      JsonObject root;
      try (Reader reader = Files.newBufferedReader(Path.of(args[i]), StandardCharsets.UTF_8)) {
        root = JsonParser.parseReader(reader).getAsJsonObject();
      }
      new GenerateConventions(args[i + 1], root).writeTo(Path.of(args[i + 2]));
    }
  }

  private void writeTo(Path sourceRoot) throws IOException {
    Path dir = sourceRoot.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    JsonObject codes = object(root, "x-tokensdk-codes", "the spec");
    String enumName = javaName(string(codes, "enum", "x-tokensdk-codes"));
    Files.writeString(dir.resolve(enumName + ".java"), codeEnum(codes, enumName), StandardCharsets.UTF_8);
    String className = Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Conventions";
    Files.writeString(dir.resolve(className + ".java"), conventions(className, codes, enumName), StandardCharsets.UTF_8);
  }

  // ---- the conventions class

  private String conventions(String className, JsonObject codes, String enumName) {
    String in = string(codes, "in", "x-tokensdk-codes");
    String codeField = switch (in) {
      case "body" -> quote(string(codes, "field", "x-tokensdk-codes"));
      case "status" -> "null";
      default -> throw fail("x-tokensdk-codes.in must be body or status, not " + in);
    };
    StringBuilder out = new StringBuilder();
    out.append("package ").append(pkg).append(";\n\n")
        .append("import io.tokensdk.spec.IdempotencyKey;\n")
        .append("import io.tokensdk.spec.Sensitivity;\n")
        .append("import io.tokensdk.spec.SpecConventions;\n")
        .append("import io.tokensdk.spec.SpecId;\n")
        .append("import java.util.List;\n")
        .append("import java.util.Map;\n")
        .append("import java.util.Set;\n\n")
        .append("/**\n * The protocol rules of the ").append(id.toUpperCase(Locale.ROOT))
        .append(" spec, from its {@code x-tokensdk-*} extensions (see specs/README.md).\n")
        .append(" * <p>Generated from the spec at build time; do not edit.\n */\n")
        .append("public final class ").append(className).append(" extends SpecConventions {\n")
        .append("  /** The only instance. */\n")
        .append("  public static final ").append(className).append(" INSTANCE = new ").append(className).append("();\n\n")
        .append("  private ").append(className).append("() {\n")
        .append("    super(SpecId.").append(id.toUpperCase(Locale.ROOT)).append(", ").append(codeField).append(",\n")
        .append("        ").append(enumCodes(codes, enumName)).append(",\n")
        .append("        Set.of(").append(String.join(", ", retryableStatuses(codes, in))).append("),\n")
        .append("        Map.ofEntries(\n").append(joinLines(operations(), 12)).append("),\n")
        .append("        Map.ofEntries(\n").append(joinLines(sensitiveSchemas(), 12)).append("),\n")
        .append("        Map.ofEntries(\n").append(joinLines(payloadFields(), 12)).append("),\n")
        .append("        Map.ofEntries(\n").append(joinLines(sensitiveHeaders(), 12)).append("));\n")
        .append("  }\n}\n");
    return out.toString().replace("Map.ofEntries(\n)", "Map.of()");
  }

  private String enumCodes(JsonObject codes, String enumName) {
    List<String> constants = new ArrayList<>();
    for (JsonElement entry : array(codes, "entries", "x-tokensdk-codes")) {
      constants.add(enumName + "." + javaName(string(entry.getAsJsonObject(), "name", "x-tokensdk-codes entry")));
    }
    return "List.of(" + String.join(", ", constants) + ")";
  }

  private TreeSet<String> retryableStatuses(JsonObject codes, String in) {
    Map<Integer, Boolean> flags = new TreeMap<>();
    forEachOperation((path, method, operation) -> {
      JsonObject responses = object(operation, "responses", path + " " + method);
      for (Map.Entry<String, JsonElement> response : responses.entrySet()) {
        JsonObject resolved = resolve(response.getValue().getAsJsonObject());
        if (resolved.has("x-tokensdk-retryable")) {
          flag(flags, Integer.parseInt(response.getKey()), resolved.get("x-tokensdk-retryable").getAsBoolean());
        }
      }
    });
    if (in.equals("status")) {
      for (JsonElement entry : array(codes, "entries", "x-tokensdk-codes")) {
        JsonObject row = entry.getAsJsonObject();
        flag(flags, integer(row, "httpStatus"), bool(row, "retryable", "code table entry"));
      }
    }
    TreeSet<String> statuses = new TreeSet<>();
    flags.forEach((status, retryable) -> {
      if (retryable) {
        statuses.add(Integer.toString(status));
      }
    });
    return statuses;
  }

  private void flag(Map<Integer, Boolean> flags, int status, boolean retryable) {
    Boolean before = flags.put(status, retryable);
    if (before != null && before != retryable) {
      throw fail("HTTP " + status + " is marked both retryable and not retryable");
    }
  }

  private List<String> operations() {
    List<String> lines = new ArrayList<>();
    forEachOperation((path, method, operation) -> {
      String where = path + " " + method;
      String operationId = string(operation, "operationId", where);
      JsonObject key = object(operation, "x-tokensdk-idempotency-key", operationId);
      String keyIn = string(key, "in", operationId + " x-tokensdk-idempotency-key");
      String keyName = string(key, "name", operationId + " x-tokensdk-idempotency-key");
      String keyExpression = switch (keyIn) {
        case "header" -> {
          requireHeader(operation, keyName, operationId);
          yield "IdempotencyKey.header(" + quote(keyName.toLowerCase(Locale.ROOT)) + ")";
        }
        case "body" -> {
          requireBodyField(operation, keyName, operationId);
          yield "IdempotencyKey.body(" + quote(keyName) + ")";
        }
        default -> throw fail(operationId + ": x-tokensdk-idempotency-key.in must be header or body, not " + keyIn);
      };
      boolean deduplicated = bool(operation, "x-tokensdk-deduplicated", operationId);
      boolean readOnly = bool(operation, "x-tokensdk-read-only", operationId);
      lines.add("Map.entry(" + quote(operationId) + ", new OperationRules(" + keyExpression + ", " + deduplicated + ", "
          + readOnly + "))");
    });
    return lines;
  }

  private void requireHeader(JsonObject operation, String name, String operationId) {
    for (JsonElement parameter : operation.has("parameters") ? operation.getAsJsonArray("parameters") : new JsonArray()) {
      JsonObject resolved = resolve(parameter.getAsJsonObject());
      if ("header".equals(resolved.get("in").getAsString()) && name.equalsIgnoreCase(resolved.get("name").getAsString())) {
        return;
      }
    }
    throw fail(operationId + ": the idempotency key header " + name + " is not a parameter of the operation");
  }

  private void requireBodyField(JsonObject operation, String name, String operationId) {
    JsonObject schema = resolve(object(object(object(object(operation, "requestBody", operationId), "content", operationId),
        "application/json", operationId), "schema", operationId));
    if (!schema.has("properties") || !schema.getAsJsonObject("properties").has(name)) {
      throw fail(operationId + ": the idempotency key field " + name + " is not a property of the request body");
    }
  }

  private List<String> sensitiveSchemas() {
    List<String> lines = new ArrayList<>();
    JsonObject schemas = object(object(root, "components", "the spec"), "schemas", "components");
    for (Map.Entry<String, JsonElement> schema : new TreeMap<>(schemas.asMap()).entrySet()) {
      JsonObject properties = schema.getValue().getAsJsonObject().getAsJsonObject("properties");
      if (properties == null) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (Map.Entry<String, JsonElement> property : new TreeMap<>(properties.asMap()).entrySet()) {
        String sensitivity = sensitivity(property.getValue().getAsJsonObject());
        if (sensitivity != null) {
          fields.add("Map.entry(" + quote(property.getKey()) + ", " + sensitivity + ")");
        }
      }
      if (!fields.isEmpty()) {
        lines.add("Map.entry(" + quote(schema.getKey()) + ", Map.ofEntries(" + String.join(", ", fields) + "))");
      }
    }
    return lines;
  }

  /** The plaintext fields of the encrypted payloads ({@code x-tokensdk-payload-fields} on a schema or a property). */
  private List<String> payloadFields() {
    Map<String, String> fields = new TreeMap<>();
    JsonObject schemas = object(object(root, "components", "the spec"), "schemas", "components");
    List<JsonObject> nodes = new ArrayList<>();
    for (JsonElement schema : schemas.asMap().values()) {
      nodes.add(schema.getAsJsonObject());
      JsonObject properties = schema.getAsJsonObject().getAsJsonObject("properties");
      if (properties != null) {
        properties.asMap().values().forEach(property -> nodes.add(property.getAsJsonObject()));
      }
    }
    for (JsonObject node : nodes) {
      if (!node.has("x-tokensdk-payload-fields")) {
        continue;
      }
      if (!node.has("x-tokensdk-sensitive")) {
        throw fail("x-tokensdk-payload-fields on a value that is not marked x-tokensdk-sensitive: " + node);
      }
      for (Map.Entry<String, JsonElement> field : node.getAsJsonObject("x-tokensdk-payload-fields").entrySet()) {
        JsonObject mark = new JsonObject();
        mark.add("x-tokensdk-sensitive", field.getValue());
        String sensitivity = sensitivity(mark);
        String before = fields.put(field.getKey(), sensitivity);
        if (before != null && !before.equals(sensitivity)) {
          throw fail("payload field " + field.getKey() + " has two sensitivity classes");
        }
      }
    }
    List<String> lines = new ArrayList<>();
    fields.forEach((name, sensitivity) -> lines.add("Map.entry(" + quote(name) + ", " + sensitivity + ")"));
    return lines;
  }

  private List<String> sensitiveHeaders() {
    Map<String, String> headers = new TreeMap<>();
    JsonObject components = object(root, "components", "the spec");
    List<JsonElement> parameters = new ArrayList<>();
    if (components.has("parameters")) {
      parameters.addAll(components.getAsJsonObject("parameters").asMap().values());
    }
    forEachOperation((path, method, operation) -> {
      if (operation.has("parameters")) {
        operation.getAsJsonArray("parameters").forEach(parameters::add);
      }
    });
    for (JsonElement parameter : parameters) {
      JsonObject resolved = resolve(parameter.getAsJsonObject());
      String sensitivity = sensitivity(resolved);
      if ("header".equals(resolved.get("in").getAsString()) && sensitivity != null) {
        headers.put(resolved.get("name").getAsString().toLowerCase(Locale.ROOT), sensitivity);
      }
    }
    List<String> lines = new ArrayList<>();
    headers.forEach((name, sensitivity) -> lines.add("Map.entry(" + quote(name) + ", " + sensitivity + ")"));
    return lines;
  }

  /** The Sensitivity constant of a property (its own extension, else the one of the schema it references), or null. */
  private String sensitivity(JsonObject node) {
    JsonObject current = node;
    for (int depth = 0; depth < 16; depth++) {
      if (current.has("x-tokensdk-sensitive")) {
        String value = current.get("x-tokensdk-sensitive").getAsString();
        return "Sensitivity." + switch (value) {
          case "card-data" -> "CARD_DATA";
          case "key-material" -> "KEY_MATERIAL";
          case "encrypted" -> "ENCRYPTED";
          default -> throw fail("x-tokensdk-sensitive must be card-data, key-material or encrypted, not " + value);
        };
      }
      if (!current.has("$ref")) {
        return null;
      }
      current = target(current.get("$ref").getAsString());
    }
    throw fail("$ref chain too long at " + node);
  }

  // ---- the code enum

  private String codeEnum(JsonObject codes, String enumName) {
    String type = string(codes, "type", "x-tokensdk-codes");
    boolean integer = switch (type) {
      case "integer" -> true;
      case "string" -> false;
      default -> throw fail("x-tokensdk-codes.type must be integer or string, not " + type);
    };
    String where = string(codes, "in", "x-tokensdk-codes").equals("status") ? "the HTTP status"
        : "{@code " + string(codes, "field", "x-tokensdk-codes") + "}";
    StringBuilder out = new StringBuilder();
    out.append("package ").append(pkg).append(";\n\n")
        .append("import io.tokensdk.spec.ProtocolCode;\n");
    if (integer) {
      out.append("import java.util.Optional;\n");
    }
    out.append("\n/**\n * The code table of the ").append(id.toUpperCase(Locale.ROOT)).append(" spec ({@code x-tokensdk-codes}): the values of ")
        .append(where).append(", each with its description, HTTP status and retryable flag.\n");
    if (!integer) {
      out.append(" * <p>An unknown value read from the wire becomes {@link #UNKNOWN_TO_SDK_VERSION}; the model that holds it keeps the raw value.\n");
    }
    out.append(" * <p>Generated from the spec at build time; do not edit.\n */\n")
        .append("public enum ").append(enumName).append(" implements ProtocolCode {\n");
    List<String> constants = new ArrayList<>();
    for (JsonElement element : array(codes, "entries", "x-tokensdk-codes")) {
      JsonObject entry = element.getAsJsonObject();
      String code = string(entry, "code", "x-tokensdk-codes entry");
      String description = string(entry, "description", "code " + code);
      int httpStatus = integer(entry, "httpStatus");
      boolean retryable = bool(entry, "retryable", "code " + code);
      if (integer && !code.matches("[0-9]+")) {
        throw fail("code " + code + " is not an integer");
      }
      constants.add("  /** " + code + ": " + javadoc(description) + " (HTTP " + httpStatus + (retryable ? ", retryable" : "")
          + "). */\n  " + javaName(string(entry, "name", "code " + code)) + "(" + (integer ? code : quote(code)) + ", "
          + quote(description) + ", " + httpStatus + ", " + retryable + ")");
    }
    if (!integer) {
      constants.add("  /** A value that this version of the SDK does not know. */\n  UNKNOWN_TO_SDK_VERSION(null, null, 0, false)");
    }
    out.append(String.join(",\n", constants)).append(";\n\n");
    String codeType = integer ? "int" : "String";
    out.append("  private final ").append(codeType).append(" code;\n")
        .append("  private final String description;\n")
        .append("  private final int httpStatus;\n")
        .append("  private final boolean retryable;\n\n")
        .append("  ").append(enumName).append("(").append(codeType)
        .append(" code, String description, int httpStatus, boolean retryable) {\n")
        .append("    this.code = code;\n    this.description = description;\n")
        .append("    this.httpStatus = httpStatus;\n    this.retryable = retryable;\n  }\n\n");
    if (integer) {
      out.append("  /** The code on the wire. */\n  public int code() {\n    return code;\n  }\n\n")
          .append("  @Override\n  public String value() {\n    return Integer.toString(code);\n  }\n\n");
    } else {
      out.append("  /** The value on the wire, or null for {@link #UNKNOWN_TO_SDK_VERSION}. */\n")
          .append("  public String getValue() {\n    return code;\n  }\n\n")
          .append("  @Override\n  public String value() {\n    return code;\n  }\n\n");
    }
    out.append("  @Override\n  public String description() {\n    return description;\n  }\n\n")
        .append("  @Override\n  public int httpStatus() {\n    return httpStatus;\n  }\n\n")
        .append("  @Override\n  public boolean retryable() {\n    return retryable;\n  }\n\n");
    if (integer) {
      out.append("  /** The constant for a code, or empty for a code this SDK version does not know. */\n")
          .append("  public static Optional<").append(enumName).append("> of(int code) {\n")
          .append("    for (").append(enumName).append(" candidate : values()) {\n")
          .append("      if (candidate.code == code) {\n        return Optional.of(candidate);\n      }\n    }\n")
          .append("    return Optional.empty();\n  }\n");
    } else {
      out.append("  /** The constant for a wire value; never null for a non-null value, never throws. */\n")
          .append("  public static ").append(enumName).append(" fromValue(String value) {\n")
          .append("    if (value == null) {\n      return null;\n    }\n")
          .append("    for (").append(enumName).append(" candidate : values()) {\n")
          .append("      if (value.equals(candidate.code)) {\n        return candidate;\n      }\n    }\n")
          .append("    return UNKNOWN_TO_SDK_VERSION;\n  }\n\n")
          .append("  @Override\n  public String toString() {\n    return String.valueOf(code);\n  }\n");
    }
    return out.append("}\n").toString();
  }

  // ---- reading the spec

  private interface OperationVisitor {
    void visit(String path, String method, JsonObject operation);
  }

  private void forEachOperation(OperationVisitor visitor) {
    for (Map.Entry<String, JsonElement> path : object(root, "paths", "the spec").entrySet()) {
      for (String method : METHODS) {
        JsonObject item = path.getValue().getAsJsonObject();
        if (item.has(method)) {
          visitor.visit(path.getKey(), method, item.getAsJsonObject(method));
        }
      }
    }
  }

  private JsonObject resolve(JsonObject node) {
    JsonObject current = node;
    for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
      current = target(current.get("$ref").getAsString());
    }
    return current;
  }

  private JsonObject target(String ref) {
    if (!ref.startsWith("#/")) {
      throw fail("only local $refs are supported: " + ref);
    }
    JsonObject current = root;
    for (String part : ref.substring(2).split("/")) {
      JsonElement next = current.get(part.replace("~1", "/").replace("~0", "~"));
      if (next == null || !next.isJsonObject()) {
        throw fail("unresolved $ref " + ref);
      }
      current = next.getAsJsonObject();
    }
    return current;
  }

  private JsonObject object(JsonObject node, String key, String where) {
    JsonElement value = node.get(key);
    if (value == null || !value.isJsonObject()) {
      throw fail(where + " needs an object " + key);
    }
    return value.getAsJsonObject();
  }

  private JsonArray array(JsonObject node, String key, String where) {
    JsonElement value = node.get(key);
    if (value == null || !value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
      throw fail(where + " needs a non-empty list " + key);
    }
    return value.getAsJsonArray();
  }

  private String string(JsonObject node, String key, String where) {
    JsonElement value = node.get(key);
    if (value == null || !value.isJsonPrimitive() || value.getAsString().isEmpty()) {
      throw fail(where + " needs " + key);
    }
    return value.getAsString();
  }

  private boolean bool(JsonObject node, String key, String where) {
    JsonElement value = node.get(key);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw fail(where + " needs " + key + ": true or false");
    }
    return value.getAsBoolean();
  }

  private int integer(JsonObject node, String key) {
    JsonElement value = node.get(key);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw fail("a code table entry needs an integer " + key + ": " + node);
    }
    return value.getAsInt();
  }

  private String javaName(String name) {
    if (!JAVA_NAME.matcher(name).matches()) {
      throw fail("not a Java name: " + name);
    }
    return name;
  }

  private IllegalStateException fail(String message) {
    return new IllegalStateException(id + " spec: " + message);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String javadoc(String text) {
    return text.replace("*/", "*&#47;").replace("@", "&#64;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String joinLines(List<String> lines, int indent) {
    String pad = " ".repeat(indent);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      out.append(pad).append(lines.get(i)).append(i < lines.size() - 1 ? ",\n" : "");
    }
    return out.toString();
  }
}
