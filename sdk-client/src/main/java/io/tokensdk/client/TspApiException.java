package io.tokensdk.client;

import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.SpecId;
import java.util.Optional;

/**
 * A TSP error answer: {@code errorRes} on HTTP 400, or 500/503 ("retry possible"), which may carry no body.
 * Switch on {@link #responseCode()}; a code this SDK version does not know stays readable as {@link #rawResponseCode()}.
 * Whether it is retryable follows the spec's {@link ApiConventions#retryable(int, String) conventions}.
 */
public final class TspApiException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final Integer rawResponseCode;
  private final String errorMessage;

  /** An answer with status {@code httpStatus} and, if the body was an errorRes, its code and message. */
  public TspApiException(String operationId, int httpStatus, Integer rawResponseCode, String errorMessage) {
    super(operationId, httpStatus, ApiConventions.of(SpecId.TSP).retryable(httpStatus,
        rawResponseCode == null ? null : rawResponseCode.toString()), describe(operationId, httpStatus, rawResponseCode));
    this.rawResponseCode = rawResponseCode;
    this.errorMessage = errorMessage;
  }

  private static String describe(String operationId, int httpStatus, Integer code) {
    String text = operationId + ": HTTP " + httpStatus;
    if (code == null) {
      return text;
    }
    return text + ", responseCode " + code
        + TspResponseCode.of(code).map(c -> " (" + c.description() + ")").orElse(" (unknown to this SDK version)");
  }

  /** The responseCode as a constant, or empty when the body had none or the code is unknown to this SDK version. */
  public Optional<TspResponseCode> responseCode() {
    return rawResponseCode == null ? Optional.empty() : TspResponseCode.of(rawResponseCode);
  }

  /** The responseCode as sent, or null when the answer had no errorRes. */
  public Integer rawResponseCode() {
    return rawResponseCode;
  }

  /**
   * The server's {@code errorMessage}, or null. It is the peer's text: it is kept out of {@link #getMessage()} because
   * the SDK cannot vouch that it carries no data.
   */
  public String errorMessage() {
    return errorMessage;
  }
}
