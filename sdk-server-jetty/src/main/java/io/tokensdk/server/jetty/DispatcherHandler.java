package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.spec.ApiConventions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Serves the {@link TokenSdkDispatcher} as a Jetty handler. The body is read without holding a thread (Jetty calls back
 * when bytes arrive), within its deadline and limit; only then does the request take a worker of the bounded pool.
 * A request past the pool's capacity, or arriving while the server stops, gets the API's retryable answer at once.
 * <p>Graceful: on {@link #shutdown()} queued requests are answered with the retryable answer, running handlers finish
 * and their answers are written, and the returned future completes when no request is left.
 */
final class DispatcherHandler extends Handler.Abstract implements Graceful {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server.jetty");
  private final TokenSdkDispatcher dispatcher;
  private final ThreadPoolExecutor workers;
  private final ConnectionDeadlines deadlines;
  private final Duration bodyTimeout;
  private final Duration retryAfter;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean stopping;

  DispatcherHandler(TokenSdkDispatcher dispatcher, ThreadPoolExecutor workers, ConnectionDeadlines deadlines,
      Duration bodyTimeout, Duration retryAfter) {
    super(InvocationType.NON_BLOCKING);
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.deadlines = deadlines;
    this.bodyTimeout = bodyTimeout;
    this.retryAfter = retryAfter;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    inFlight.incrementAndGet();
    deadlines.requestStarted(connection);
    Request.addCompletionListener(request, failure -> {
      deadlines.requestEnded(connection);
      if (inFlight.decrementAndGet() == 0 && stopping) {
        drained.complete(null);
      }
    });
    // a handler may run longer than the idle timeout (shorter still while stopping): that is not the peer's fault
    request.addIdleTimeoutListener(timeout -> false);
    JettyServerRequest head = JettyServerRequest.headOf(request);
    if (stopping) {
      refuse(head, response, callback, "stopping");
      return true;
    }
    if (!isUpperCase(request.getMethod())) {
      // methods are case-sensitive (RFC 9110): "get" is not GET, and a lenient match would hide a broken peer
      malformed(head, response, callback, 400, "method not in upper case");
      return true;
    }
    if (request.getLength() > dispatcher.maxBodyBytes()) {
      malformed(head, response, callback, 413, "request body too large");
      return true;
    }
    BodyCollector body = BodyCollector.start(request, dispatcher.maxBodyBytes());
    // a body that came with the head (most do) needs no deadline: no task scheduled and cancelled per request
    Scheduler.Task deadline = body.result().isDone() ? null
        : request.getComponents().getScheduler().schedule(body::expire, bodyTimeout);
    body.result().whenComplete((bytes, failure) -> {
      if (deadline != null) {
        deadline.cancel();
      }
      if (failure == null) {
        admit(new JettyServerRequest(request, bytes), response, callback);
      } else if (failure instanceof BodyCollector.TooLargeException) {
        malformed(head, response, callback, 413, "request body too large");
      } else if (failure instanceof BodyCollector.TimeoutException
          || failure instanceof java.util.concurrent.TimeoutException) {
        malformed(head, response, callback, 408, "request body not received in time");
      } else {
        // bad chunking, a cut-off body: Jetty's parser failed the read
        malformed(head, response, callback, 400, "malformed request body");
        LOG.log(System.Logger.Level.DEBUG, "body read failed", failure);
      }
    });
    return true;
  }

  private void admit(JettyServerRequest request, Response response, Callback callback) {
    try {
      workers.execute(() -> serve(request, response, callback));
    } catch (RejectedExecutionException e) {
      refuse(request, response, callback, stopping ? "stopping" : "overloaded");
    }
  }

  private void serve(JettyServerRequest request, Response response, Callback callback) {
    if (stopping) {
      // queued before the stop: its handler has not started, so the caller may safely retry elsewhere
      refuse(request, response, callback, "stopping");
      return;
    }
    ServerResponse answer;
    try {
      answer = dispatcher.handle(request);
    } catch (RuntimeException | Error e) {
      // the dispatcher answers every failure itself; this is a last resort that names no detail
      LOG.log(System.Logger.Level.ERROR, "request {0} failed in the host with {1}", requestId(request),
          e.getClass().getName());
      answer = dispatcher.retryLater(request, retryAfter);
    }
    ResponseWriter.write(response, answer, stopping, callback);
  }

  /** The API's retryable answer; the dispatcher reports it to its listener. */
  private void refuse(JettyServerRequest request, Response response, Callback callback, String why) {
    LOG.log(System.Logger.Level.DEBUG, "request {0} refused: {1}", requestId(request), why);
    ResponseWriter.write(response, dispatcher.retryLater(request, retryAfter), stopping, callback);
  }

  /** The API's bad-request answer with {@code status}; the dispatcher reports it to its listener. */
  private void malformed(JettyServerRequest request, Response response, Callback callback, int status, String why) {
    LOG.log(System.Logger.Level.INFO, "request {0} refused with {1}: {2}", requestId(request), status, why);
    ResponseWriter.write(response, dispatcher.malformed(request.rawPath(), request::header, status, why), true,
        callback);
  }

  private static boolean isUpperCase(String method) {
    for (int i = 0; i < method.length(); i++) {
      if (Character.isLowerCase(method.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static String requestId(JettyServerRequest request) {
    String id = null;
    for (Iterator<String> names = ApiConventions.idempotencyHeaders().iterator(); id == null && names.hasNext(); ) {
      id = request.header(names.next());
    }
    return id == null || id.length() > 64 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? "-" : id;
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    stopping = true;
    workers.shutdown();
    // the queued requests are answered now, not when a worker frees: each sees the stop and gets the retryable answer
    List<Runnable> queued = new ArrayList<>();
    workers.getQueue().drainTo(queued);
    queued.forEach(Runnable::run);
    if (inFlight.get() == 0) {
      drained.complete(null);
    }
    return drained;
  }

  @Override
  public boolean isShutdown() {
    return stopping;
  }

  @Override
  protected void doStop() throws Exception {
    // past the grace: whatever still runs is interrupted
    workers.shutdownNow();
    workers.awaitTermination(1, TimeUnit.SECONDS);
    super.doStop();
  }
}
