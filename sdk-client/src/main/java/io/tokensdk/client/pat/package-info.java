/**
 * The client for Visa PAT notifications (what Visa sends to a bank or token requestor).
 *
 * <p>{@code PatNotificationClient} is generated from the spec: one method per operation, each a few lines over the hand-written
 * transport of {@link io.tokensdk.client}, plus an {@code ...Async} variant and an overload taking
 * {@link io.tokensdk.client.RequestOptions}. Its models are in {@code io.tokensdk.model.pat}.
 */
package io.tokensdk.client.pat;
