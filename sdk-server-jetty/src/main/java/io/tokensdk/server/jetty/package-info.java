/**
 * The embedded host of the server stubs on Jetty 12: {@link io.tokensdk.server.jetty.TokenSdkServer}. It serves a
 * {@link io.tokensdk.server.TokenSdkDispatcher} with deadlines for slow peers, the API's retryable answer on overload,
 * graceful stop, strict HTTP parsing and TLS 1.2/1.3 with AEAD suites. In a servlet container, use
 * {@link io.tokensdk.server.servlet.TokenSdkServlet} instead; it needs no Jetty.
 */
package io.tokensdk.server.jetty;
