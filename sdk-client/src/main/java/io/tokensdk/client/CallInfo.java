package io.tokensdk.client;

/**
 * Receives what happened during one call, success or failure: pass a fresh instance in
 * {@link RequestOptions.Builder#callInfo(CallInfo)} and read it after the call returns or throws. Exceptions carry the
 * same facts ({@link TokenSdkException#attempts()}); this is how a successful call reports them. Use one instance per
 * call.
 */
public final class CallInfo {
  private volatile int attempts;
  private volatile String requestId;
  private volatile int httpStatus;

  /** How many attempts the call made. */
  public int attempts() {
    return attempts;
  }

  /** The idempotency id that every attempt carried. */
  public String requestId() {
    return requestId;
  }

  /** The HTTP status of the last answer, or 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  void record(int attempts, String requestId, int httpStatus) {
    this.attempts = attempts;
    this.requestId = requestId;
    this.httpStatus = httpStatus;
  }
}
