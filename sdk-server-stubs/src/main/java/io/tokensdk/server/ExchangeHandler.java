package io.tokensdk.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bridges the JDK's HTTP server to the {@link TokenSdkDispatcher}: enforces the body read deadline, answers 503 when
 * overloaded or draining, counts requests in flight and writes the dispatcher's answer.
 */
final class ExchangeHandler implements HttpHandler {
  private final TokenSdkDispatcher dispatcher;
  private final ScheduledExecutorService watchdog;
  private final long bodyReadTimeoutMillis;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;

  ExchangeHandler(TokenSdkDispatcher dispatcher, ScheduledExecutorService watchdog, Duration bodyReadTimeout) {
    this.dispatcher = dispatcher;
    this.watchdog = watchdog;
    this.bodyReadTimeoutMillis = bodyReadTimeout.toMillis();
  }

  /** Thread of the overflow pool: it only answers 503. */
  static final class OverflowThread extends Thread {
    OverflowThread(Runnable task, String name) {
      super(task, name);
      setDaemon(true);
    }
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    try {
      if (draining || Thread.currentThread() instanceof OverflowThread) {
        write(exchange, IdHeaders.echo(exchange.getRequestHeaders()::getFirst,
            ServerResponse.empty(503).withHeader("Retry-After", "1").withHeader("Connection", "close")));
        return;
      }
      // A client that does not send its body in time loses its connection: closing an exchange whose answer has not
      // started closes the socket, which unblocks the worker's read.
      ScheduledFuture<?> deadline = watchdog.schedule(exchange::close, bodyReadTimeoutMillis, TimeUnit.MILLISECONDS);
      ServerResponse response;
      try {
        response = dispatcher.handle(new ExchangeRequest(exchange, deadline));
      } finally {
        deadline.cancel(false);
      }
      write(exchange, response);
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  /** Stops serving new requests (they get 503) and waits up to {@code grace} for those in flight. */
  boolean drain(Duration grace) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private static void write(HttpExchange exchange, ServerResponse response) {
    try {
      Headers headers = exchange.getResponseHeaders();
      response.headers().forEach(headers::set);
      byte[] body = response.body();
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // the client went away or the body deadline closed the connection: nothing left to answer
    }
  }
}
