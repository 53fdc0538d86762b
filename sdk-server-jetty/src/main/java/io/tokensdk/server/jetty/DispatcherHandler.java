package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.spec.ApiConventions;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Serves the {@link TokenSdkDispatcher} as a Jetty handler. The body is read without holding a thread (Jetty calls back
 * when bytes arrive), within its deadline and limit; only then does the request take one of the worker slots. With a
 * slot free it runs at once on the Jetty thread that completed its body (the handler is declared blocking, so Jetty
 * calls it only on a thread that may block, never on its selector), with no hand-off to another thread; else it waits
 * in the bounded queue for a finishing request to pass on its slot. A request past the slots and the queue, or arriving
 * while the server stops, gets the API's retryable answer at once.
 * <p>Graceful: on {@link #shutdown()} queued requests are answered with the retryable answer, running handlers finish
 * and their answers are written, and the returned future completes when no request is left. A request still unanswered
 * at the end of the grace (its handler still running, or its body still arriving) gets the retryable answer then; its
 * handler is not interrupted (that could stop it between creating a token and recording its answer) and keeps its
 * dedupe claim until it finishes or the claim's lease ends, so that a retry waits for its outcome instead of running it
 * twice. Its own answer, when it comes, is dropped.
 */
final class DispatcherHandler extends Handler.Abstract implements Graceful {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server.jetty");
  private final TokenSdkDispatcher dispatcher;
  private final WorkerSlots workers;
  private final ConnectionDeadlines deadlines;
  private final Scheduler scheduler;
  private final Duration bodyTimeout;
  private final Duration retryAfter;
  private final Duration grace;
  /** The requests between their head and the end of their answer, by the HTTP/1.1 connection that carries each. */
  private final Map<Connection, Exchange> exchanges = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile boolean stopping;

  DispatcherHandler(TokenSdkDispatcher dispatcher, WorkerSlots workers, ConnectionDeadlines deadlines,
      Scheduler scheduler, Duration bodyTimeout, Duration retryAfter, Duration grace) {
    // blocking: the handlers run on the thread that calls this (dedupe stores, databases), so not on Jetty's selector
    super(InvocationType.BLOCKING);
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.deadlines = deadlines;
    this.scheduler = scheduler;
    this.bodyTimeout = bodyTimeout;
    this.retryAfter = retryAfter;
    this.grace = grace;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange exchange = new Exchange(request, response, callback);
    Connection connection = exchange.connection();
    exchanges.put(connection, exchange);
    deadlines.requestStarted(connection);
    Connector connector = request.getConnectionMetaData().getConnector();
    Request.addCompletionListener(request, failure -> {
      deadlines.requestEnded(connection);
      exchanges.remove(connection, exchange);
      if (connector instanceof GracefulConnector graceful) {
        graceful.requestEnded(connection);
      }
      if (stopping && exchanges.isEmpty()) {
        drained.complete(null);
      }
    });
    // a handler may run longer than the idle timeout: that is not the peer's fault
    request.addIdleTimeoutListener(timeout -> false);
    if (stopping) {
      refuse(exchange, "stopping");
      return true;
    }
    if (!isUpperCase(request.getMethod())) {
      // methods are case-sensitive (RFC 9110): "get" is not GET, and a lenient match would hide a broken peer
      malformed(exchange, 400, "method not in upper case");
      return true;
    }
    if (request.getLength() > dispatcher.maxBodyBytes()) {
      malformed(exchange, 413, "request body too large");
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
        admit(exchange, new JettyServerRequest(request, bytes));
      } else if (failure instanceof BodyCollector.TooLargeException) {
        malformed(exchange, 413, "request body too large");
      } else if (failure instanceof BodyCollector.TimeoutException
          || failure instanceof java.util.concurrent.TimeoutException) {
        malformed(exchange, 408, "request body not received in time");
      } else {
        // bad chunking, a cut-off body: Jetty's parser failed the read
        malformed(exchange, 400, "malformed request body");
        LOG.log(System.Logger.Level.DEBUG, "body read failed", failure);
      }
    });
    return true;
  }

  /** True when {@code connection} carries a request that has not been answered in full. */
  boolean carriesRequest(Connection connection) {
    return connection != null && exchanges.containsKey(connection);
  }

  private void admit(Exchange exchange, JettyServerRequest request) {
    if (!workers.runOrQueue(() -> serve(exchange, request))) {
      refuse(exchange, stopping ? "stopping" : "overloaded");
    }
  }

  /** How many requests wait for a worker slot now. */
  int waitingRequests() {
    return workers.waiting();
  }

  private void serve(Exchange exchange, JettyServerRequest request) {
    if (stopping) {
      // queued before the stop: its handler has not started, so the caller may safely retry elsewhere
      refuse(exchange, "stopping");
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
    ServerResponse handled = answer;
    if (!exchange.answer(() -> handled, stopping)) {
      LOG.log(System.Logger.Level.WARNING, "request {0}: its handler finished with {1} after the stop grace; that"
          + " answer was not sent (the caller had the retryable answer)", requestId(request), handled.status());
    }
  }

  /** The API's retryable answer; the dispatcher reports it to its listener. */
  private void refuse(Exchange exchange, String why) {
    if (exchange.answer(() -> dispatcher.retryLater(exchange.head(), retryAfter), stopping)) {
      LOG.log(System.Logger.Level.DEBUG, "request {0} refused: {1}", requestId(exchange.head()), why);
    }
  }

  /** The API's bad-request answer with {@code status}; the dispatcher reports it to its listener. */
  private void malformed(Exchange exchange, int status, String why) {
    JettyServerRequest head = exchange.head();
    if (exchange.answer(() -> dispatcher.malformed(head.rawPath(), head::header, status, why), true)) {
      LOG.log(System.Logger.Level.INFO, "request {0} refused with {1}: {2}", requestId(head), status, why);
    }
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
    // the queued requests are answered now, not when a slot frees: each sees the stop and gets the retryable answer
    workers.close().forEach(Runnable::run);
    Scheduler.Task graceEnd = scheduler.schedule(this::graceEnded, grace);
    drained.whenComplete((done, failure) -> graceEnd.cancel());
    if (exchanges.isEmpty()) {
      drained.complete(null);
    }
    return drained;
  }

  /** The grace is over: every request still unanswered gets the retryable answer, and its connection is closed. */
  private void graceEnded() {
    for (Exchange exchange : exchanges.values()) {
      if (exchange.answer(() -> dispatcher.retryLater(exchange.head(), retryAfter), true)) {
        LOG.log(System.Logger.Level.WARNING, "request {0} still unanswered at the end of the stop grace: answered as"
            + " retryable; a running handler keeps its dedupe claim until it finishes or the lease ends",
            requestId(exchange.head()));
      }
    }
  }

  @Override
  public boolean isShutdown() {
    return stopping;
  }

}
