package io.tokensdk.testing;

import java.util.Map;
import java.util.Optional;

/**
 * A request that reached a fake's handler: validated against the spec, typed, with its ids.
 *
 * @param operationId the spec's operationId, e.g. {@code createToken}
 * @param pathParams the path values, e.g. {@code tokenId}
 * @param body the typed request body (a model of {@code io.tokensdk.model.*}), or null when the operation has none
 * @param requestId the TSP {@code x-request-id}, when present (PAT carries its ids in the body)
 * @param correlationId the COF {@code x-correlation-id}, when present
 */
public record Received(String operationId, Map<String, String> pathParams, Object body, Optional<String> requestId,
    Optional<String> correlationId) {

  /**
   * The body as {@code type}.
   *
   * @param type the expected model class
   * @param <T> the model
   * @return the body
   * @throws ClassCastException if the body is of another type
   */
  public <T> T body(Class<T> type) {
    return type.cast(body);
  }

  /** Only the operation and whether ids were present: a body may hold sealed card data. */
  @Override
  public String toString() {
    return "Received{" + operationId + ", requestId=" + requestId.isPresent() + ", correlationId="
        + correlationId.isPresent() + "}";
  }
}
