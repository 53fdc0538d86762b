package io.tokensdk.client;

/** The error answers of the COF API, with the spec's retryable flag. */
public enum CofError {
  BAD_REQUEST(400, false),
  UNAUTHORIZED(401, false),
  NOT_FOUND(404, false),
  TOO_MANY_REQUESTS(429, true),
  INTERNAL_SERVER_ERROR(500, true),
  SERVICE_UNAVAILABLE(503, true),
  /** A status the spec does not list; not retried. */
  OTHER(0, false);

  private final int httpStatus;
  private final boolean retryable;

  CofError(int httpStatus, boolean retryable) {
    this.httpStatus = httpStatus;
    this.retryable = retryable;
  }

  /** The HTTP status, 0 for {@link #OTHER}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether the spec says the sender resends on it. */
  public boolean retryable() {
    return retryable;
  }

  /** The constant for a status. */
  public static CofError of(int httpStatus) {
    for (CofError candidate : values()) {
      if (candidate.httpStatus == httpStatus) {
        return candidate;
      }
    }
    return OTHER;
  }
}
