package io.tokensdk.client;

import io.tokensdk.spec.Violation;
import java.util.List;

/** The request breaks its spec (a required field is missing, a value too long, ...) and was not sent. */
public final class RequestValidationException extends TokenSdkException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  /** A rejection for the given violations, the first of which gives the message. */
  public RequestValidationException(String operationId, List<Violation> violations) {
    super(operationId, operationId + ": request not sent: " + violations.get(0).message()
        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""), null);
    this.violations = List.copyOf(violations);
  }

  RequestValidationException(String operationId, String message) {
    super(operationId, operationId + ": request not sent: " + message, null);
    this.violations = List.of();
  }

  /** Every violation found; the messages name fields, never values. */
  public List<Violation> violations() {
    return violations;
  }
}
