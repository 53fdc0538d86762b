package io.tokensdk.spec;

import com.google.gson.JsonObject;

/**
 * A path or header parameter of an operation.
 *
 * @param name the parameter name as on the wire (header names are case-insensitive)
 * @param in {@code path}, {@code header} or {@code query}
 * @param required whether the parameter must be present
 * @param schema the parameter's schema, references resolved by {@link ApiSpec#resolve}
 */
public record SpecParameter(String name, String in, boolean required, JsonObject schema) {
  /** True for a header parameter. */
  public boolean isHeader() {
    return "header".equals(in);
  }

  /** True for a path parameter. */
  public boolean isPath() {
    return "path".equals(in);
  }
}
