package io.tokensdk.spec;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of a spec, as the routing, validation and tests see it.
 *
 * @param spec the spec it belongs to
 * @param operationId the spec's operationId
 * @param method the HTTP method, upper case
 * @param path the path template under the spec's base path, e.g. {@code /tokens/{tokenId}/state}
 * @param parameters path and header parameters
 * @param requestBodySchema the JSON body's schema, or null when the operation takes no body
 * @param requestBodyRequired whether a body must be sent
 * @param responseSchemas the JSON schema of each response status that has a body
 * @param responseStatuses every response status the spec lists
 * @param optional true when the spec marks the operation {@code x-tokensdk-optional}
 */
public record SpecOperation(
    SpecId spec,
    String operationId,
    String method,
    String path,
    List<SpecParameter> parameters,
    JsonObject requestBodySchema,
    boolean requestBodyRequired,
    Map<Integer, JsonObject> responseSchemas,
    List<Integer> responseStatuses,
    boolean optional) {

  /** The lowest 2xx status of the operation: 200 or 204 in these specs. */
  public int successStatus() {
    int lowest = Integer.MAX_VALUE;
    for (int i = 0; i < responseStatuses.size(); i++) {
      int status = responseStatuses.get(i);
      if (status >= 200 && status < 300 && status < lowest) {
        lowest = status;
      }
    }
    return lowest == Integer.MAX_VALUE ? 200 : lowest;
  }

  /** The schema of the success response body, if it has one. */
  public Optional<JsonObject> successSchema() {
    return Optional.ofNullable(responseSchemas.get(successStatus()));
  }

  /** The path parameters, in the order of the spec. */
  public List<SpecParameter> pathParameters() {
    return parameters.stream().filter(SpecParameter::isPath).toList();
  }

  /** The header parameters, in the order of the spec. */
  public List<SpecParameter> headerParameters() {
    return parameters.stream().filter(SpecParameter::isHeader).toList();
  }
}
