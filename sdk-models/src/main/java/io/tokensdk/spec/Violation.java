package io.tokensdk.spec;

/**
 * One way in which a JSON document or a parameter breaks its spec. The message names the field and the rule, never the
 * value, so that it is safe to log and to send back to a peer.
 *
 * @param field the field's path, e.g. {@code deviceInfo.brand} or {@code header x-request-id}
 * @param kind whether the field is missing or badly formatted
 * @param message a human-readable description, naming the field and the rule but never the value
 */
public record Violation(String field, Kind kind, String message) {
  /** The two kinds of violation, which the specs answer differently (TSP 111 and 112). */
  public enum Kind {
    /** A required field, parameter or body is absent. */
    MISSING,
    /** A value has the wrong type, length, format or enum value. */
    BAD_FORMAT
  }

  static Violation missing(String field) {
    return new Violation(field, Kind.MISSING, "missing mandatory parameter: " + field);
  }

  static Violation badFormat(String field, String rule) {
    return new Violation(field, Kind.BAD_FORMAT, "bad parameter format: " + field + " (" + rule + ")");
  }
}
