/**
 * The client for the TSP API (the calls the Thales TSH makes on a Token Service Provider).
 *
 * <p>{@code TspClient} is generated from the spec: one method per operation, each a few lines over the hand-written
 * transport of {@link io.tokensdk.client}, plus an {@code ...Async} variant and an overload taking
 * {@link io.tokensdk.client.RequestOptions}. Its models are in {@code io.tokensdk.model.tsp}.
 */
package io.tokensdk.client.tsp;
