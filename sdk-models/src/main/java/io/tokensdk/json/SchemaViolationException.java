package io.tokensdk.json;

import io.tokensdk.spec.Violation;
import java.util.List;

/** A JSON document breaks its schema. The message names the fields and rules, never the values. */
public final class SchemaViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  /** An error listing {@code violations}, which must not be empty. */
  public SchemaViolationException(List<Violation> violations) {
    super(violations.get(0).message() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    this.violations = List.copyOf(violations);
  }

  /** Every violation found, in document order; the first decides the error code a server answers. */
  public List<Violation> violations() {
    return violations;
  }
}
