package io.tokensdk.server;

import com.google.gson.JsonElement;
import io.tokensdk.spec.SpecOperation;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A request that conforms to its operation's spec, ready for the handler.
 *
 * @param operation the operation matched
 * @param pathParams the decoded path values, by the spec's parameter names
 * @param body the body bytes as received (empty when none)
 * @param tree the parsed body (null when there was none), parsed on demand when the model was read without a tree
 * @param model the body bound to its model, or null
 * @param context what the handler is told about the request
 */
record ParsedRequest(SpecOperation operation, Map<String, String> pathParams, byte[] body, Supplier<JsonElement> tree,
    Object model, RequestContext context) {}
