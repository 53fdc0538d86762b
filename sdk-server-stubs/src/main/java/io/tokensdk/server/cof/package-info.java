/**
 * The server stub for COF binding notifications: a merchant / token requestor extends it to receive them.
 *
 * <p>{@code CofNotificationHandler} is generated from the spec: one method per operation, taking the validated request model and a
 * {@link io.tokensdk.server.RequestContext}. Mount a subclass on a {@link io.tokensdk.server.TokenSdkDispatcher};
 * the SDK has answered every request that breaks the spec before a method runs. Its models are in
 * {@code io.tokensdk.model.cof}.
 */
package io.tokensdk.server.cof;
