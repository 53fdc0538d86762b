package io.tokensdk.server;

import com.google.gson.JsonElement;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.TokenSdkJson;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The JSON tree of a request body, for what reads body members after the model is bound: a body idempotency key,
 * PAT's echoed ids, the error answers. A body read straight into its model has no tree until one of them asks; it is
 * then parsed from the body's text (well-formed UTF-8, as the one pass proved), as the tree path parses it. Not thread-safe; one per request.
 */
final class BodyTree implements Supplier<JsonElement> {
  private final byte[] body;
  private final boolean nullAsAbsent;
  private JsonElement tree;

  private BodyTree(byte[] body, boolean nullAsAbsent, JsonElement tree) {
    this.body = body;
    this.nullAsAbsent = nullAsAbsent;
    this.tree = tree;
  }

  /** A tree already parsed, or none (null) for a request without a body. */
  static BodyTree of(JsonElement tree) {
    return new BodyTree(null, false, tree);
  }

  /** The tree of {@code body} (JSON in well-formed UTF-8), parsed when first asked for. */
  static BodyTree onDemand(byte[] body, boolean nullAsAbsent) {
    return new BodyTree(body, nullAsAbsent, null);
  }

  /**
   * The tree of {@code body}, without its null object members when {@code nullAsAbsent}.
   *
   * @throws MalformedJsonException when the body is not strict JSON
   */
  static JsonElement parse(String body, boolean nullAsAbsent) {
    JsonElement tree = TokenSdkJson.parseTree(body);
    return nullAsAbsent ? JsonScreen.withoutNulls(tree) : tree;
  }

  @Override
  public JsonElement get() {
    if (tree == null && body != null) {
      tree = parse(new String(body, StandardCharsets.UTF_8), nullAsAbsent);
    }
    return tree;
  }
}
