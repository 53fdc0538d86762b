package io.tokensdk.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The embedded server: the JDK's built-in HTTP server ({@code com.sun.net.httpserver}), no other dependency. It serves
 * one or more handlers, each under its spec's base path, over HTTP or HTTPS with an optional or required client
 * certificate (mutual TLS).
 * <ul>
 *   <li>Requests run on a bounded pool ({@link Builder#workerThreads}, {@link Builder#queueCapacity}); beyond it, a
 *       request is answered 503 with {@code Retry-After}.</li>
 *   <li>A client must send its body within {@link Builder#bodyReadTimeout} of the handler starting, or its connection
 *       is closed. Slow request lines and headers are the JDK server's business: its limits
 *       ({@code -Dsun.net.httpserver.maxReqTime}, {@code idleInterval}) are JVM-global system properties, which this
 *       SDK leaves to the application.</li>
 *   <li>{@link #stop()} answers new requests 503, waits up to {@link Builder#stopGrace} for those in flight, then
 *       closes.</li>
 * </ul>
 * Built with {@link #builder()}; immutable apart from its started/stopped state; thread-safe.
 * <pre>{@code
 * TokenSdkServer server = TokenSdkServer.builder()
 *     .port(8443)
 *     .tls(sslContext, ClientAuth.REQUIRED)
 *     .mount(new MyTsp())
 *     .mount(new MyCofReceiver(), MountOptions.builder().apiKeys(ApiKeys.of(key)).build())
 *     .build()
 *     .start();
 * }</pre>
 */
public final class TokenSdkServer implements AutoCloseable {
  private final Builder config;
  private final TokenSdkDispatcher dispatcher;
  private HttpServer server;
  private ThreadPoolExecutor workers;
  private ThreadPoolExecutor overflow;
  private ScheduledThreadPoolExecutor watchdog;
  private ExchangeHandler handler;

  private TokenSdkServer(Builder config, TokenSdkDispatcher dispatcher) {
    this.config = config;
    this.dispatcher = dispatcher;
  }

  /** A builder with the defaults: port 8080 on every interface, plain HTTP. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dispatcher that serves the requests. */
  public TokenSdkDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Binds and starts serving.
   *
   * @return this server
   * @throws IOException when the address cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized TokenSdkServer start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    InetSocketAddress address = new InetSocketAddress(config.bindAddress, config.port);
    HttpServer created = config.sslContext == null ? HttpServer.create(address, config.backlog)
        : https(address);
    watchdog = new ScheduledThreadPoolExecutor(1, named("tokensdk-deadline", true));
    watchdog.setRemoveOnCancelPolicy(true);
    overflow = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queueCapacity),
        r -> new ExchangeHandler.OverflowThread(r, "tokensdk-overflow"), new ThreadPoolExecutor.AbortPolicy());
    workers = new ThreadPoolExecutor(config.workerThreads, config.workerThreads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(config.queueCapacity), named("tokensdk-worker", false),
        (task, pool) -> overflow.execute(task));
    handler = new ExchangeHandler(dispatcher, watchdog, config.bodyReadTimeout);
    created.createContext("/", handler);
    created.setExecutor(workers);
    created.start();
    server = created;
    return this;
  }

  private HttpsServer https(InetSocketAddress address) throws IOException {
    HttpsServer https = HttpsServer.create(address, config.backlog);
    ClientAuth clientAuth = config.clientAuth;
    https.setHttpsConfigurator(new HttpsConfigurator(config.sslContext) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
        ssl.setNeedClientAuth(clientAuth == ClientAuth.REQUIRED);
        if (clientAuth == ClientAuth.WANTED) {
          ssl.setWantClientAuth(true);
        }
        params.setSSLParameters(ssl);
      }
    });
    return https;
  }

  /** The bound port (useful with {@code port(0)}). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** The bound address. */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress();
  }

  /**
   * Graceful stop: new requests get 503, requests in flight may finish within the stop grace, then the socket and the
   * threads are closed. Idempotent.
   */
  public synchronized void stop() {
    if (server == null || workers.isShutdown()) {
      return;
    }
    try {
      handler.drain(config.stopGrace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    workers.shutdown();
    overflow.shutdown();
    try {
      workers.awaitTermination(config.stopGrace.toMillis() + 100, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    overflow.shutdownNow();
    watchdog.shutdownNow();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix, boolean daemon) {
    AtomicInteger count = new AtomicInteger();
    java.util.concurrent.ThreadFactory base = Executors.defaultThreadFactory();
    return r -> {
      Thread thread = base.newThread(r);
      thread.setName(prefix + "-" + count.incrementAndGet());
      thread.setDaemon(daemon);
      return thread;
    };
  }

  /** Builds a {@link TokenSdkServer}. */
  public static final class Builder {
    private final TokenSdkDispatcher.Builder dispatcher = TokenSdkDispatcher.builder();
    private TokenSdkDispatcher prebuilt;
    private InetAddress bindAddress;
    private int port = 8080;
    private int backlog = 0;
    private SSLContext sslContext;
    private ClientAuth clientAuth = ClientAuth.NONE;
    private int workerThreads = 16;
    private int queueCapacity = 64;
    private Duration bodyReadTimeout = Duration.ofSeconds(10);
    private Duration stopGrace = Duration.ofSeconds(10);

    private Builder() {
    }

    /** The port; 0 picks a free one (see {@link TokenSdkServer#port()}). Default 8080. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range");
      }
      this.port = port;
      return this;
    }

    /** The address to bind; default every interface. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The TCP accept backlog; 0 for the system default. */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /** Serves HTTPS with {@code sslContext} (its key manager holds the server certificate, its trust manager the client CAs). */
    public Builder tls(SSLContext sslContext, ClientAuth clientAuth) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
      return this;
    }

    /** The number of worker threads (default 16). */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.workerThreads = threads;
      return this;
    }

    /** How many requests may wait for a worker before new ones get 503 (default 64). */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be positive");
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** The time a client has to send its body once its request is taken up (default 10 s). */
    public Builder bodyReadTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.bodyReadTimeout = timeout;
      return this;
    }

    /** How long {@link TokenSdkServer#stop()} waits for requests in flight (default 10 s). */
    public Builder stopGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("negative grace");
      }
      this.stopGrace = grace;
      return this;
    }

    /** The body limit in bytes (default 64 KiB); larger bodies get 413. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      dispatcher.maxBodyBytes(maxBodyBytes);
      return this;
    }

    /** Mounts a handler under its spec's base path, with default options. */
    public Builder mount(ApiHandler handler) {
      dispatcher.mount(handler);
      return this;
    }

    /** Mounts a handler under its spec's base path; see {@link TokenSdkDispatcher.Builder#mount(ApiHandler, MountOptions)}. */
    public Builder mount(ApiHandler handler, MountOptions options) {
      dispatcher.mount(handler, options);
      return this;
    }

    /** Serves an already built dispatcher instead of the mounts of this builder. */
    public Builder dispatcher(TokenSdkDispatcher dispatcher) {
      this.prebuilt = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /** The server, not yet started. */
    public TokenSdkServer build() {
      Builder snapshot = copy();
      return new TokenSdkServer(snapshot, prebuilt != null ? prebuilt : dispatcher.build());
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.bindAddress = bindAddress;
      copy.port = port;
      copy.backlog = backlog;
      copy.sslContext = sslContext;
      copy.clientAuth = clientAuth;
      copy.workerThreads = workerThreads;
      copy.queueCapacity = queueCapacity;
      copy.bodyReadTimeout = bodyReadTimeout;
      copy.stopGrace = stopGrace;
      return copy;
    }
  }
}
