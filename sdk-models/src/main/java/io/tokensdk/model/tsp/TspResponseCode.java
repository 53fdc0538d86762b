package io.tokensdk.model.tsp;

import java.util.Optional;

/**
 * The {@code responseCode} values of {@code errorRes}, with the description and the retryable flag of the spec's table.
 * A test checks this enum against the table in {@code specs/tsp-outgoing-api.yaml}.
 */
public enum TspResponseCode {
  MISSING_MANDATORY_PARAMETER(111, "Missing mandatory parameter", false),
  BAD_PARAMETER_FORMAT(112, "Bad parameter format", false),
  UNKNOWN_ISSUER(113, "Unknown issuer", false),
  UNKNOWN_PRODUCT(115, "Unknown product", false),
  UNKNOWN_TOKEN(119, "Unknown Token", false),
  PRODUCT_NOT_SUPPORTED_FOR_MOBILE_PAYMENT(163, "Product not supported for mobile payment", false),
  FPAN_DIGITIZATION_COUNT_EXCEEDED(164, "FPAN Digitization Count Exceeded", false),
  INVALID_FPAN(166, "Invalid FPAN", false),
  CARD_ALREADY_ENROLLED(167, "Card already enrolled", false),
  OPERATION_ALREADY_ONGOING(321, "Operation on token already on-going", false),
  OPERATION_TIME_TO_LIVE_EXPIRED(322, "Time to live of the operation expired", false),
  INVALID_PERSO_DATA(431, "Invalid perso data", false),
  TOKEN_STATE_DOES_NOT_ALLOW_OPERATION(432, "Current token state does not allow this operation", false),
  OPERATION_FAILED(911, "Operation failed", false),
  UNEXPECTED_SERVER_ERROR(921, "Unexpected server error", true);

  private final int code;
  private final String description;
  private final boolean retryable;

  TspResponseCode(int code, String description, boolean retryable) {
    this.code = code;
    this.description = description;
    this.retryable = retryable;
  }

  /** The numeric code on the wire. */
  public int code() {
    return code;
  }

  /** The description in the spec's table. */
  public String description() {
    return description;
  }

  /** Whether the spec marks the code retryable (only 921). */
  public boolean retryable() {
    return retryable;
  }

  /** The constant for a code, or empty for a code this SDK version does not know. */
  public static Optional<TspResponseCode> of(int code) {
    for (TspResponseCode candidate : values()) {
      if (candidate.code == code) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
