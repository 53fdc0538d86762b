package io.tokensdk.spec;

/** One row of a spec's code table ({@code x-tokensdk-codes}); implemented by the generated code enums. */
public interface ProtocolCode {

  /** The code as written on the wire, e.g. {@code "921"}, {@code "1300"}; for COF, the HTTP status. */
  String value();

  /** The description in the spec's table. */
  String description();

  /** The HTTP status that the code is answered with. */
  int httpStatus();

  /** Whether the spec marks the code retryable. */
  boolean retryable();
}
