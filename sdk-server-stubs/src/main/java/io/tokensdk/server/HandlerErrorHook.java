package io.tokensdk.server;

/**
 * Receives every failure of a handler that the SDK answers as an error without the handler having chosen that answer:
 * an unexpected exception, an encrypted payload that could not be opened, a null result, a result that breaks the spec.
 * The exception keeps its stack trace; the context names the operation and the request id. Typed answers
 * ({@link TspErrorException}, {@link CofErrorException}, {@link PatErrorException}, {@link RetryLaterException}, and
 * mapped exceptions) are not failures and do not reach it.
 * <p>Without a hook the SDK logs the exception's class only, since a message may carry request data. A hook decides what
 * to log; never log card data. Called on the request's thread; an exception from a hook is logged and ignored.
 */
@FunctionalInterface
public interface HandlerErrorHook {
  /**
   * A handler failed.
   *
   * @param error what the handler threw (or, for a null or invalid result, an exception that says so)
   * @param context the operation, the request id and the peer of the request
   */
  void onHandlerError(Throwable error, RequestContext context);
}
