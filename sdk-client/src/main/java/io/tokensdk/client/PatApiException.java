package io.tokensdk.client;

import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.SpecId;
import java.util.Optional;

/**
 * A PAT error answer: the response envelope with a statusCode other than 0000; switch on {@link #statusCode()}. Whether
 * it is retryable follows the spec's {@link ApiConventions#retryable(int, String) conventions} (1300 on 500).
 */
public final class PatApiException extends ApiException {
  private static final long serialVersionUID = 1L;
  private final transient NotificationResponse envelope;

  /** An answer with status {@code httpStatus} and its envelope, which may be null when the body was not one. */
  public PatApiException(String operationId, int httpStatus, NotificationResponse envelope) {
    super(operationId, httpStatus,
        ApiConventions.of(SpecId.PAT).retryable(httpStatus, envelope == null ? null : envelope.getStatusCodeAsString()),
        operationId + ": HTTP " + httpStatus + (envelope == null ? "" : ", statusCode " + envelope.getStatusCodeAsString()));
    this.envelope = envelope;
  }

  /** The statusCode; {@code UNKNOWN_TO_SDK_VERSION} for a code this SDK does not know, empty without an envelope. */
  public Optional<StatusCode> statusCode() {
    return Optional.ofNullable(envelope).map(NotificationResponse::getStatusCode);
  }

  /** The statusCode as sent, or null without an envelope. */
  public String rawStatusCode() {
    return envelope == null ? null : envelope.getStatusCodeAsString();
  }

  /** The whole response envelope, if the body was one. */
  public Optional<NotificationResponse> envelope() {
    return Optional.ofNullable(envelope);
  }
}
