package io.tokensdk.client;

import okhttp3.Request;

/**
 * A validated request, built once per call and sent unchanged by every attempt.
 *
 * @param operation the operation
 * @param request the HTTP request, body serialised once
 * @param requestId the idempotency id every attempt carries
 * @param body the JSON body as sent (UTF-8), for the HTTP log; null without a body
 */
record PreparedRequest(OperationTemplate operation, Request request, String requestId, byte[] body) {}
