package io.tokensdk.client;

import java.util.function.BiFunction;

/**
 * One operation's wire contract: the call the test makes, and what must go on the wire.
 *
 * @param operationId the spec operation
 * @param call invokes a typed client with the options, returning the result (null for void)
 * @param method expected HTTP method
 * @param path expected path, base path included
 * @param requestJson expected JSON body, or null for none
 * @param successStatus the status the mock answers with
 * @param responseJson the body the mock answers with, or null
 */
record WireCase(
    String operationId,
    BiFunction<Clients, RequestOptions, Object> call,
    String method,
    String path,
    String requestJson,
    int successStatus,
    String responseJson) {
  @Override
  public String toString() {
    return operationId;
  }
}
