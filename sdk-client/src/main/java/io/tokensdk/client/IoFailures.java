package io.tokensdk.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;

/**
 * Turns an attempt's I/O failure into a typed exception and decides whether another attempt may follow:
 * <ul>
 *   <li>a TLS failure is a {@link TlsException} naming the likely cause, and is never retried;</li>
 *   <li>a failure before a connection was ready is retried: the request never left;</li>
 *   <li>any later failure (no answer, an answer cut off in its headers or its body, a timeout) is retried only when the
 *       operation is safe to resend (deduplicated by the server, or read-only, as the spec says), because the server may
 *       have acted on it.</li>
 * </ul>
 */
final class IoFailures {
  private final TlsRefusal tls;

  IoFailures(TlsRefusal tls) {
    this.tls = tls;
  }

  <T> AttemptResult<T> classify(
      OperationTemplate operation, IOException e, AttemptTag tag, boolean deadlinePassed, boolean https) {
    String operationId = operation.operationId();
    Optional<String> tlsCause = tls.cause(e, tag, https);
    if (tlsCause.isPresent()) {
      return AttemptResult.fail(new TlsException(operationId, tlsCause.get(), e), false);
    }
    if (deadlinePassed) {
      return AttemptResult.fail(new DeadlineExceededException(operationId, e), false);
    }
    boolean timeout = e instanceof InterruptedIOException;
    if (!tag.requestMayHaveBeenSent()) {
      String what = "could not connect, the request was not sent";
      return AttemptResult.fail(timeout ? new ApiTimeoutException(operationId, operationId + ": timeout, " + what, e)
          : new NetworkException(operationId, operationId + ": network failure, " + what, e), true);
    }
    String what = tag.headersReceived() ? "the answer was cut off" : "no complete answer after the request was sent";
    if (!operation.resendSafe()) {
      what += "; not resent, because the server does not deduplicate " + operationId;
    }
    return AttemptResult.fail(timeout ? new ApiTimeoutException(operationId, operationId + ": timeout, " + what, e)
        : new NetworkException(operationId, operationId + ": network failure, " + what, e), operation.resendSafe());
  }
}
