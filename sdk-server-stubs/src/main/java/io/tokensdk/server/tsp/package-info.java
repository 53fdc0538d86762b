/**
 * The server stub for the TSP API: a Token Service Provider extends it to answer the Thales TSH.
 *
 * <p>{@code TspHandler} is generated from the spec: one method per operation, taking the validated request model and a
 * {@link io.tokensdk.server.RequestContext}. Mount a subclass on a {@link io.tokensdk.server.TokenSdkDispatcher};
 * the SDK has answered every request that breaks the spec before a method runs. Its models are in
 * {@code io.tokensdk.model.tsp}.
 */
package io.tokensdk.server.tsp;
