/**
 * The client for COF binding notifications (what Thales sends to a merchant / token requestor).
 *
 * <p>{@code CofNotificationClient} is generated from the spec: one method per operation, each a few lines over the hand-written
 * transport of {@link io.tokensdk.client}, plus an {@code ...Async} variant and an overload taking
 * {@link io.tokensdk.client.RequestOptions}. Its models are in {@code io.tokensdk.model.cof}.
 */
package io.tokensdk.client.cof;
