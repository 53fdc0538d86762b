package io.tokensdk.spec;

import java.util.Objects;

/**
 * Where an operation's idempotency key travels: a header or a top-level body field, named as in the spec.
 *
 * @param location where the key is
 * @param name the header name (lower case) or the body field name
 */
public record IdempotencyKey(Location location, String name) {

  /** Where a key can travel. */
  public enum Location {
    /** A request header. */
    HEADER,
    /** A top-level field of the JSON request body. */
    BODY
  }

  /** A key; both arguments are required. */
  public IdempotencyKey {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
  }

  /** A key in the header {@code name}. */
  public static IdempotencyKey header(String name) {
    return new IdempotencyKey(Location.HEADER, name);
  }

  /** A key in the body field {@code name}. */
  public static IdempotencyKey body(String name) {
    return new IdempotencyKey(Location.BODY, name);
  }
}
