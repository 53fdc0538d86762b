package io.tokensdk.server;

import io.tokensdk.spec.SpecId;
import java.util.Map;
import java.util.Set;

/**
 * What the dispatcher needs from a handler. The generated abstract handlers ({@code TspHandler},
 * {@code CofNotificationHandler}, {@code PatNotificationHandler}) implement it; users extend those rather than
 * implementing this interface.
 */
public interface ApiHandler {
  /** The spec whose operations this handler serves. */
  SpecId spec();

  /** The operationIds this handler has a method for. */
  Set<String> operationIds();

  /** The model class of the operation's request body, or null when it takes none. */
  Class<?> bodyType(String operationId);

  /**
   * Calls the operation's method.
   *
   * @param operationId the operation
   * @param body the parsed and validated body, or null
   * @param pathParams the decoded path values, by the spec's parameter names
   * @param context the request's context
   * @return the response model, or null for operations without a response body
   * @throws Exception whatever the operation's method throws
   */
  Object dispatch(String operationId, Object body, Map<String, String> pathParams, RequestContext context)
      throws Exception;
}
