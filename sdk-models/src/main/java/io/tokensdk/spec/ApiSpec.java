package io.tokensdk.spec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A spec of {@code specs/}, as the build resolved it to JSON and packaged it. It is the routing and validation table of the
 * SDK at run time, so a change to a spec reaches the clients, the servers and the validation through a rebuild alone.
 * Instances are immutable and shared.
 */
public final class ApiSpec {
  private static final Map<SpecId, ApiSpec> LOADED = new EnumMap<>(SpecId.class);

  private final SpecId id;
  private final JsonObject root;
  private final String basePath;
  private final List<SpecOperation> operations;
  /** Each local {@code $ref} met, with the node it names; filled on first use. */
  private final Map<String, JsonObject> refs = new ConcurrentHashMap<>();

  private ApiSpec(SpecId id, JsonObject root) {
    this.id = id;
    this.root = root;
    this.basePath = readBasePath(root);
    this.operations = List.copyOf(readOperations());
  }

  /** The packaged spec; loaded once. */
  public static ApiSpec of(SpecId id) {
    synchronized (LOADED) {
      return LOADED.computeIfAbsent(id, ApiSpec::load);
    }
  }

  private static ApiSpec load(SpecId id) {
    String resource = "/io/tokensdk/spec/" + id.id() + ".json";
    try (InputStream in = ApiSpec.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("spec resource missing from the classpath: " + resource);
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return new ApiSpec(id, JsonParser.parseReader(reader).getAsJsonObject());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Which spec this is. */
  public SpecId id() {
    return id;
  }

  /** The title in {@code info}. */
  public String title() {
    return root.getAsJsonObject("info").get("title").getAsString();
  }

  /** The version in {@code info}. */
  public String version() {
    return root.getAsJsonObject("info").get("version").getAsString();
  }

  /** The path of the first server URL, e.g. {@code /tsp/trapi/v1.0}; empty when the spec has none. */
  public String basePath() {
    return basePath;
  }

  /** Every operation, in the order of the spec. */
  public List<SpecOperation> operations() {
    return operations;
  }

  /** The operation with this operationId. */
  public Optional<SpecOperation> operation(String operationId) {
    return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst();
  }

  /** A schema of {@code components/schemas}, references not resolved. */
  public Optional<JsonObject> schema(String name) {
    JsonObject schemas = root.getAsJsonObject("components").getAsJsonObject("schemas");
    return Optional.ofNullable(schemas).map(s -> s.getAsJsonObject(name));
  }

  /** The names of every schema under {@code components/schemas}. */
  public java.util.Set<String> schemaNames() {
    JsonObject schemas = root.getAsJsonObject("components").getAsJsonObject("schemas");
    return schemas == null ? java.util.Set.of() : java.util.Set.copyOf(schemas.keySet());
  }

  /** Follows {@code $ref}s (local ones only) until a schema or parameter without one is reached. */
  public JsonObject resolve(JsonObject node) {
    JsonObject current = node;
    for (int depth = 0; current != null && current.has("$ref"); depth++) {
      if (depth > 32) {
        throw new IllegalStateException("$ref cycle in spec " + id.id());
      }
      current = lookup(current.get("$ref").getAsString());
    }
    return current;
  }

  private JsonObject lookup(String ref) {
    JsonObject found = refs.get(ref);
    if (found == null) {
      found = walk(ref);
      refs.putIfAbsent(ref, found);
    }
    return found;
  }

  private JsonObject walk(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("only local $refs are supported: " + ref);
    }
    JsonElement node = root;
    for (String part : ref.substring(2).split("/")) {
      node = node.getAsJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
      if (node == null) {
        throw new IllegalStateException("unresolved $ref " + ref + " in spec " + id.id());
      }
    }
    return node.getAsJsonObject();
  }

  private static String readBasePath(JsonObject root) {
    if (!root.has("servers") || root.getAsJsonArray("servers").isEmpty()) {
      return "";
    }
    String url = root.getAsJsonArray("servers").get(0).getAsJsonObject().get("url").getAsString();
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      int slash = url.indexOf('/', scheme + 3);
      url = slash < 0 ? "" : url.substring(slash);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private List<SpecOperation> readOperations() {
    List<SpecOperation> result = new ArrayList<>();
    JsonObject paths = root.getAsJsonObject("paths");
    for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
      JsonObject item = path.getValue().getAsJsonObject();
      for (String method : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
        if (item.has(method)) {
          result.add(readOperation(path.getKey(), method, item, item.getAsJsonObject(method)));
        }
      }
    }
    return result;
  }

  private SpecOperation readOperation(String path, String method, JsonObject item, JsonObject op) {
    List<SpecParameter> parameters = new ArrayList<>();
    for (JsonObject source : new JsonObject[] {item, op}) {
      if (source.has("parameters")) {
        for (JsonElement p : source.getAsJsonArray("parameters")) {
          JsonObject param = resolve(p.getAsJsonObject());
          parameters.add(new SpecParameter(
              param.get("name").getAsString(),
              param.get("in").getAsString(),
              param.has("required") && param.get("required").getAsBoolean(),
              param.has("schema") ? param.getAsJsonObject("schema") : new JsonObject()));
        }
      }
    }
    JsonObject bodySchema = null;
    boolean bodyRequired = false;
    if (op.has("requestBody")) {
      JsonObject body = resolve(op.getAsJsonObject("requestBody"));
      bodySchema = jsonSchema(body);
      bodyRequired = body.has("required") && body.get("required").getAsBoolean();
    }
    Map<Integer, JsonObject> responseSchemas = new LinkedHashMap<>();
    List<Integer> statuses = new ArrayList<>();
    for (Map.Entry<String, JsonElement> response : op.getAsJsonObject("responses").entrySet()) {
      if (!response.getKey().chars().allMatch(Character::isDigit)) {
        continue;
      }
      int status = Integer.parseInt(response.getKey());
      statuses.add(status);
      JsonObject schema = jsonSchema(resolve(response.getValue().getAsJsonObject()));
      if (schema != null) {
        responseSchemas.put(status, schema);
      }
    }
    boolean optional = op.has("x-tokensdk-optional") && op.get("x-tokensdk-optional").getAsBoolean();
    return new SpecOperation(id, op.get("operationId").getAsString(), method.toUpperCase(Locale.ROOT), path,
        List.copyOf(parameters), bodySchema, bodyRequired, Map.copyOf(responseSchemas), List.copyOf(statuses), optional);
  }

  private static JsonObject jsonSchema(JsonObject withContent) {
    if (!withContent.has("content")) {
      return null;
    }
    JsonObject content = withContent.getAsJsonObject("content");
    JsonObject json = content.getAsJsonObject("application/json");
    return json == null || !json.has("schema") ? null : json.getAsJsonObject("schema");
  }
}
