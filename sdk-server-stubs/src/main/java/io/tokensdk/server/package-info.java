/**
 * The server side of tokensdk: serve the Thales TSH (TSP API), COF binding notifications and Visa PAT notifications.
 *
 * <p>Extend a generated handler ({@code io.tokensdk.server.tsp.TspHandler},
 * {@code io.tokensdk.server.cof.CofNotificationHandler}, {@code io.tokensdk.server.pat.PatNotificationHandler}),
 * implement its methods with the typed models, and mount it:
 * <pre>{@code
 * class MyTsp extends TspHandler {
 *   public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) {
 *     if (!issuers.contains(req.getIssuerId())) throw new TspErrorException(TspResponseCode.UNKNOWN_ISSUER);
 *     return new CreateTokenRes().tokenId(newTokenId()).tokenInfo(info);
 *   }
 *   // updateToken, updateTokenState, getTokenCredentials, listTokens, healthCheck ...
 * }
 * TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder().mount(new MyTsp()).build();
 * context.addServlet(new ServletHolder(new TokenSdkServlet(dispatcher)), "/*");   // or sdk-server-jetty's TokenSdkServer
 * }</pre>
 *
 * <p>Between the socket and the method, the SDK routes ({@link io.tokensdk.server.TokenSdkDispatcher}, from the
 * packaged spec), limits and reads the body, checks the content type and the COF API key
 * ({@link io.tokensdk.server.ApiKeys}), validates headers, path values and body against every constraint of the spec,
 * dedupes notifications ({@link io.tokensdk.server.DedupeStore}), and answers in each spec's shape: TSP {@code errorRes}
 * 111/112/business codes on 400 and 921 on 500; COF 204/400/401/typed statuses without body; PAT the
 * {@code notificationResponse} envelope with 0000/1301/1300. Request bodies and exception messages are never logged.
 *
 * <p>Hosting: {@link io.tokensdk.server.servlet.TokenSdkServlet} (any Servlet 6 container), or the embedded
 * {@code io.tokensdk.server.jetty.TokenSdkServer} of the sdk-server-jetty module (Jetty 12, with deadlines, overload
 * answers and graceful stop); both only copy the dispatcher's {@link io.tokensdk.server.ServerResponse} to the wire.
 * This module depends on no HTTP server.
 */
package io.tokensdk.server;
