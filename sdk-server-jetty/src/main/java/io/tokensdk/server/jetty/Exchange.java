package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request in the host, from its head to its answer. It is answered once: by its handler, by a refusal, or by the
 * retryable answer at the end of the stop grace, whichever comes first; any later answer is dropped.
 */
final class Exchange {
  private final Response response;
  private final Callback callback;
  private final JettyServerRequest head;
  private final Connection connection;
  private final AtomicBoolean answered = new AtomicBoolean();

  Exchange(Request request, Response response, Callback callback) {
    this.response = response;
    this.callback = callback;
    this.head = JettyServerRequest.headOf(request);
    this.connection = request.getConnectionMetaData().getConnection();
  }

  /** The request's line and headers (its body is not read through this). */
  JettyServerRequest head() {
    return head;
  }

  /** The HTTP connection that carries the request. */
  Connection connection() {
    return connection;
  }

  /**
   * Writes {@code answer} unless the request was answered already; the answer is only computed when it is written.
   *
   * @param close true to close the connection after the answer
   * @return false when the request had been answered already (then nothing is written)
   */
  boolean answer(Supplier<ServerResponse> answer, boolean close) {
    if (!answered.compareAndSet(false, true)) {
      return false;
    }
    ResponseWriter.write(response, answer.get(), close, callback);
    return true;
  }
}
