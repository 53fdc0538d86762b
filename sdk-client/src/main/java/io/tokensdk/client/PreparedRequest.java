package io.tokensdk.client;

import okhttp3.Request;

/**
 * A validated request, built once per call and sent unchanged by every attempt.
 *
 * @param operation the operation
 * @param request the HTTP request, body serialised once, tagged for the first attempt when built by the client
 * @param requestId the idempotency id every attempt carries
 * @param body the JSON body as sent (UTF-8), for the HTTP log; null without a body
 */
record PreparedRequest(OperationTemplate operation, Request request, String requestId, byte[] body) {

  /**
   * The request of attempt {@code attempt}, carrying an {@link AttemptTag} of its own: the first attempt sends the
   * request as built (no copy of it per call), each retry a copy with a fresh tag.
   */
  Request forAttempt(int attempt) {
    if (attempt == 1 && request.tag(AttemptTag.class) != null) {
      return request;
    }
    return request.newBuilder().tag(AttemptTag.class, new AttemptTag(attempt, body)).build();
  }
}
