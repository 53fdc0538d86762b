package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.TokenSdkDispatcher;
import java.time.Duration;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before any handler runs (a bad request line or URI, a bad Content-Length, headers too
 * large, a bare LF, a lower-case method, a missing Host) with the API's own error answer instead of Jetty's HTML page:
 * the dispatcher's bad-request answer with Jetty's status (a 408 becomes 400: malformed input is not a timeout), or
 * its retryable answer for a 500 or 503. The reason is logged with the request id; nothing of it goes on the wire.
 */
final class ApiErrorHandler implements Request.Handler {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server.jetty");
  private final TokenSdkDispatcher dispatcher;
  private final Duration retryAfter;

  ApiErrorHandler(TokenSdkDispatcher dispatcher, Duration retryAfter) {
    this.dispatcher = dispatcher;
    this.retryAfter = retryAfter;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 500;
    Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    JettyServerRequest head = JettyServerRequest.headOf(request);
    LOG.log(System.Logger.Level.INFO, "request {0} refused by the HTTP layer with {1}: {2}",
        DispatcherHandler.requestId(head), status, message);
    ServerResponse answer;
    if (status == HttpStatus.INTERNAL_SERVER_ERROR_500 || status == HttpStatus.SERVICE_UNAVAILABLE_503) {
      answer = dispatcher.retryLater(head, retryAfter);
    } else {
      int sent = status == HttpStatus.REQUEST_TIMEOUT_408 ? HttpStatus.BAD_REQUEST_400 : status;
      answer = dispatcher.malformed(head.rawPath(), head::header, sent, reason(sent));
    }
    ResponseWriter.write(response, answer, true, callback);
    return true;
  }

  /** A fixed reason per status: Jetty's own message may quote what the peer sent. */
  private static String reason(int status) {
    return switch (status) {
      case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "request body too large";
      case HttpStatus.URI_TOO_LONG_414 -> "request URI too long";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "request headers too large";
      case HttpStatus.NOT_IMPLEMENTED_501 -> "unsupported transfer encoding";
      case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> "unsupported HTTP version";
      default -> "malformed HTTP request";
    };
  }
}
