package io.tokensdk.server;

import com.google.gson.JsonElement;
import io.tokensdk.json.MalformedJsonException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.json.internal.Utf8Reader;
import java.util.function.Supplier;

/**
 * The JSON tree of a request body, for what reads body members after the model is bound: a body idempotency key,
 * PAT's echoed ids, the error answers. A body read straight into its model has no tree until one of them asks; it is
 * then parsed from the bytes, as the tree path parses it. Not thread-safe; one per request.
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

  /** The tree of {@code body} (well-formed UTF-8 and JSON), parsed when first asked for. */
  static BodyTree onDemand(byte[] body, boolean nullAsAbsent) {
    return new BodyTree(body, nullAsAbsent, null);
  }

  /**
   * The tree of well-formed UTF-8 {@code body}, without its null object members when {@code nullAsAbsent}.
   *
   * @throws MalformedJsonException when the body is not strict JSON
   */
  static JsonElement parse(byte[] body, boolean nullAsAbsent) {
    JsonElement tree = TokenSdkJson.parseTree(new Utf8Reader(body, body.length));
    return nullAsAbsent ? JsonScreen.withoutNulls(tree) : tree;
  }

  @Override
  public JsonElement get() {
    if (tree == null && body != null) {
      tree = parse(body, nullAsAbsent);
    }
    return tree;
  }
}
