package io.tokensdk.spec;

/** How much of a schema to enforce. */
public enum ValidationMode {
  /**
   * Every constraint: required, types, lengths, enum, pattern, format, minimum/maximum, array sizes. Used for what a
   * server receives and what a client sends ("strict writers").
   */
  STRICT,
  /**
   * Required fields and JSON types only; unknown enum values and out-of-range lengths pass. Used for what a client reads,
   * so that a peer on a newer version of a spec does not break it ("forward compatible readers").
   */
  LENIENT
}
