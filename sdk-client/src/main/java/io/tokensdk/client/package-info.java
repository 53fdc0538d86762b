/**
 * The hand-written core of the clients: configuration, transport, retries, headers and typed errors.
 *
 * <p>Build one immutable {@link io.tokensdk.client.ClientConfig} per peer and hand it to a generated client
 * ({@code io.tokensdk.client.tsp.TspClient}, {@code io.tokensdk.client.cof.CofNotificationClient},
 * {@code io.tokensdk.client.pat.PatNotificationClient}). Every call is validated against its spec before it is sent,
 * retried only where the spec calls the answer retryable (with the same request id on every attempt), and ends either
 * with the typed answer or with a {@link io.tokensdk.client.TokenSdkException} subtype that a caller can switch on.
 * Per-call overrides go in {@link io.tokensdk.client.RequestOptions}; {@link io.tokensdk.client.CallListener} and
 * {@link io.tokensdk.client.HttpLog} observe attempts without ever seeing card data.
 */
package io.tokensdk.client;
