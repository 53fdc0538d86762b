package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request in the host, from its head to its answer. It is answered once: by its handler, by a refusal, or by the
 * retryable answer at the end of the stop grace, whichever comes first; any later answer is dropped.
 * <p>It is the callback of its answer's write, so it knows when the request ends: every request ends with the write of
 * its one answer, written or failed. {@code ended} runs then, before Jetty learns that the request is complete (and so
 * before Jetty may start the next request on the connection).
 */
final class Exchange implements Callback {
  private static final VarHandle ANSWERED;

  static {
    try {
      ANSWERED = MethodHandles.lookup().findVarHandle(Exchange.class, "answered", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Response response;
  private final Callback callback;
  private final JettyServerRequest head;
  private final Connection connection;
  private final Connector connector;
  private final Consumer<Exchange> ended;
  @SuppressWarnings("unused") // set through ANSWERED
  private volatile boolean answered;

  /**
   * @param callback Jetty's callback of the request, completed when the answer is written or fails
   * @param ended what to do when the request ends, before {@code callback} is completed
   */
  Exchange(Request request, Response response, Callback callback, Consumer<Exchange> ended) {
    this.response = response;
    this.callback = callback;
    this.head = JettyServerRequest.headOf(request);
    this.connection = request.getConnectionMetaData().getConnection();
    this.connector = request.getConnectionMetaData().getConnector();
    this.ended = ended;
  }

  /** The request's line and headers (its body is not read through this). */
  JettyServerRequest head() {
    return head;
  }

  /** The HTTP connection that carries the request. */
  Connection connection() {
    return connection;
  }

  /** The connector that accepted the connection. */
  Connector connector() {
    return connector;
  }

  /**
   * Writes {@code answer} unless the request was answered already; the answer is only computed when it is written.
   *
   * @param close true to close the connection after the answer
   * @return false when the request had been answered already (then nothing is written)
   */
  boolean answer(Supplier<ServerResponse> answer, boolean close) {
    if (!ANSWERED.compareAndSet(this, false, true)) {
      return false;
    }
    ResponseWriter.write(response, answer.get(), close, this);
    return true;
  }

  /** The answer is written. */
  @Override
  public void succeeded() {
    ended.accept(this);
    callback.succeeded();
  }

  /** The answer could not be written (the peer left, the connection failed). */
  @Override
  public void failed(Throwable failure) {
    ended.accept(this);
    callback.failed(failure);
  }

  /** As Jetty's own callback: Jetty may then complete the write on the thread that finished it, as it would. */
  @Override
  public InvocationType getInvocationType() {
    return callback.getInvocationType();
  }
}
