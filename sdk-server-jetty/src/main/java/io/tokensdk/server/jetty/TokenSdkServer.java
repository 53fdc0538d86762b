package io.tokensdk.server.jetty;

import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.HandlerErrorHook;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.ServerEvent;
import io.tokensdk.server.ServerListener;
import io.tokensdk.server.TokenSdkDispatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The embedded server, on Jetty 12: serves one or more handlers, each under its spec's base path, over HTTP or HTTPS
 * with an optional or required client certificate (mutual TLS). What a payment endpoint needs is on by default:
 * <ul>
 *   <li><b>Slow peers hold no thread.</b> Jetty reads without blocking; the TLS handshake, the request head and the
 *       body each have a deadline ({@link Builder#handshakeTimeout}, {@link Builder#headerReadTimeout},
 *       {@link Builder#bodyReadTimeout}), and an idle connection is closed after {@link Builder#idleTimeout}. A request
 *       takes a worker only once its body has arrived.</li>
 *   <li><b>Overload is answered.</b> Past {@link Builder#workerThreads} running and {@link Builder#queueCapacity}
 *       waiting, a request gets its API's retryable answer with {@code Retry-After} (TSP and COF 503, PAT 500 with
 *       statusCode 1300), never a reset.</li>
 *   <li><b>Graceful stop.</b> {@link #stop()} stops accepting, lets running handlers finish and delivers their
 *       answers, answers queued requests with the retryable answer, and closes idle connections, within
 *       {@link Builder#stopGrace}. A handler still running when the grace ends has its caller answered with the
 *       retryable answer; it is not interrupted, and it keeps its dedupe claim.</li>
 *   <li><b>Strict HTTP.</b> RFC 9110 parsing (no bare LF, no lower-case method, Host required, no ambiguous URI); every
 *       refusal (bad URI, Content-Length or chunking, headers or body too large) gets the API's own error answer,
 *       never an HTML page. A body declared larger than {@link Builder#maxBodyBytes} is answered 413 before it is
 *       read.</li>
 *   <li><b>TLS 1.3 and 1.2 with AEAD suites only</b> (ECDHE with AES-GCM or ChaCha20-Poly1305), no renegotiation;
 *       refused peers get a TLS alert.</li>
 * </ul>
 * Built with {@link #builder()}; immutable apart from its started/stopped state; thread-safe.
 * <pre>{@code
 * TokenSdkServer server = TokenSdkServer.builder()
 *     .port(8443)
 *     .tlsPem(Path.of("server.pem"), Path.of("server.key"), Path.of("tsh-client-ca.pem"))
 *     .mount(new MyTsp())
 *     .build()
 *     .start();
 * }</pre>
 */
public final class TokenSdkServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server.jetty");
  /** RFC 9110 without the leniencies Jetty allows by default: bare LF line ends and case-insensitive methods. */
  private static final HttpCompliance STRICT_HTTP = HttpCompliance.RFC9110.without("TOKENSDK",
      HttpCompliance.Violation.CASE_INSENSITIVE_METHOD, HttpCompliance.Violation.LF_HEADER_TERMINATION,
      HttpCompliance.Violation.LF_CHUNK_TERMINATION);
  /** How long past the grace a stop waits for the retryable answers given at the grace's end to be written. */
  private static final Duration STOP_MARGIN = Duration.ofSeconds(1);
  private final Builder config;
  private final TokenSdkDispatcher dispatcher;
  private Server server;
  private ServerConnector connector;
  private DispatcherHandler handler;

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
    // Jetty's threads run the handlers too (at most workerThreads at once), beside its selectors and I/O
    HostThreads jettyThreads = new HostThreads(config.workerThreads);
    Server created = new Server(jettyThreads);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("tokensdk-deadlines", true);
    created.addBean(scheduler);
    ConnectionDeadlines deadlines = new ConnectionDeadlines(scheduler, config.handshakeTimeout,
        config.headerReadTimeout);
    WorkerSlots workers = new WorkerSlots(config.workerThreads, config.queueCapacity, jettyThreads);
    DispatcherHandler handler = new DispatcherHandler(dispatcher, workers, deadlines, scheduler,
        config.bodyReadTimeout, config.retryAfter, config.stopGrace);
    ServerConnector listening = connector(created, handler, deadlines);
    created.addConnector(listening);
    created.setHandler(handler);
    created.setErrorHandler(new ApiErrorHandler(dispatcher, config.retryAfter));
    // the handler answers what is left when the grace ends; the margin lets those answers go out before Jetty closes
    created.setStopTimeout(config.stopGrace.plus(STOP_MARGIN).toMillis());
    created.setStopAtShutdown(false);
    try {
      created.start();
    } catch (IOException e) {
      stopQuietly(created);
      throw e;
    } catch (Exception e) {
      stopQuietly(created);
      throw new IOException("cannot start the server: " + e.getMessage(), e);
    }
    server = created;
    connector = listening;
    this.handler = handler;
    return this;
  }

  private ServerConnector connector(Server jetty, DispatcherHandler handler, ConnectionDeadlines deadlines) {
    HttpConfiguration http = new HttpConfiguration();
    http.setHttpCompliance(STRICT_HTTP);
    // the dispatcher decodes path segments itself: an encoded slash in a path value (a token id) is no ambiguity
    http.setUriCompliance(UriCompliance.DEFAULT.with("TOKENSDK", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
    http.setRequestHeaderSize(config.maxHeaderBytes);
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    http.setIdleTimeout(config.idleTimeout.toMillis());
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    ServerConnector created;
    if (config.sslContext == null) {
      created = new GracefulConnector(jetty, handler::carriesRequest, plain);
    } else {
      http.addCustomizer(new SecureRequestCustomizer(false));
      SslConnectionFactory tls = new SslConnectionFactory(ServerTls.factory(config.sslContext, config.clientAuth),
          plain.getProtocol());
      created = new GracefulConnector(jetty, handler::carriesRequest, tls, plain);
    }
    created.setHost(config.bindAddress == null ? null : config.bindAddress.getHostAddress());
    created.setPort(config.port);
    created.setAcceptQueueSize(config.backlog);
    created.setIdleTimeout(config.idleTimeout.toMillis());
    created.setShutdownIdleTimeout(Math.min(config.idleTimeout.toMillis(), 250));
    created.setAcceptedTcpNoDelay(true);
    created.addBean(deadlines);
    return created;
  }

  /** The bound port (useful with {@code port(0)}). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return connector.getLocalPort();
  }

  /** How many requests wait for a worker now (for tests and metrics). */
  synchronized int waitingRequests() {
    return handler == null ? 0 : handler.waitingRequests();
  }

  /** The bound address. */
  public synchronized InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    String host = connector.getHost();
    return host == null ? new InetSocketAddress(connector.getLocalPort())
        : new InetSocketAddress(host, connector.getLocalPort());
  }

  /**
   * Graceful stop, within the stop grace: stops accepting, answers queued requests with the API's retryable answer,
   * lets running handlers finish and delivers their answers, closes idle connections. When the grace ends, every
   * request still unanswered (its handler still running, or its body still arriving) gets the API's retryable answer
   * and its connection is closed; a handler still running is not interrupted (that could stop it between creating a
   * token and recording its answer): it keeps its dedupe claim, so that a retry with the same id waits for its outcome
   * (or the claim's lease) instead of running it again, and its own answer is dropped. Returns at most about a second
   * after the grace. Idempotent.
   */
  public synchronized void stop() {
    if (server == null || server.isStopped()) {
      return;
    }
    stopQuietly(server);
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      // a grace that ran out is reported as a timeout: what was left has been closed
      LOG.log(System.Logger.Level.DEBUG, "stop: {0}", e.toString());
    }
  }

  /** Builds a {@link TokenSdkServer}. Every option has a default fit for a payment endpoint. */
  public static final class Builder {
    private final TokenSdkDispatcher.Builder dispatcher = TokenSdkDispatcher.builder();
    private TokenSdkDispatcher prebuilt;
    private InetAddress bindAddress;
    private int port = 8080;
    private int backlog = 0;
    private SSLContext sslContext;
    private ClientAuth clientAuth = ClientAuth.NONE;
    private int workerThreads = 16;
    private int queueCapacity = 256;
    private int maxHeaderBytes = 8 * 1024;
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration headerReadTimeout = Duration.ofSeconds(10);
    private Duration bodyReadTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration stopGrace = Duration.ofSeconds(10);
    private Duration retryAfter = Duration.ofSeconds(1);

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
      if (backlog < 0) {
        throw new IllegalArgumentException("backlog must not be negative");
      }
      this.backlog = backlog;
      return this;
    }

    /**
     * Serves HTTPS with {@code sslContext} (its key manager holds the server certificate, its trust manager the client
     * CAs). Only TLS 1.3 and 1.2 with AEAD suites are offered, whatever the context supports.
     */
    public Builder tls(SSLContext sslContext, ClientAuth clientAuth) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
      this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
      return this;
    }

    /**
     * Serves HTTPS with PEM files, read at once with the SDK's key loaders: the server's certificate chain (leaf first),
     * its unencrypted private key, and the CA certificate(s) that sign accepted client certificates. With a
     * {@code clientCa} a client certificate is required (mutual TLS); with null none is asked for.
     *
     * @throws io.tokensdk.crypto.keys.KeyLoadException when a file does not hold what it should
     */
    public Builder tlsPem(Path certChain, Path key, Path clientCa) {
      Objects.requireNonNull(certChain, "certChain");
      Objects.requireNonNull(key, "key");
      return tls(ServerTls.fromPem(certChain, key, clientCa), clientCa == null ? ClientAuth.NONE : ClientAuth.REQUIRED);
    }

    /** The number of handlers that run at once (default 16). */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive");
      }
      this.workerThreads = threads;
      return this;
    }

    /** How many requests may wait for a worker before new ones get the retryable answer (default 256). */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be positive");
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** The time a peer has to finish the TLS handshake once connected (default 10 s); then it is disconnected. */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * The time a peer has to send a request's line and headers once it started them (default 10 s); then it is
     * disconnected. Checked every half timeout, so a peer is cut between one and one and a half timeouts.
     */
    public Builder headerReadTimeout(Duration timeout) {
      this.headerReadTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * The time a peer has to send a request's body once its headers are in (default 10 s); then it is answered 408
     * with the API's error body and disconnected.
     */
    public Builder bodyReadTimeout(Duration timeout) {
      this.bodyReadTimeout = positive(timeout, "timeout");
      return this;
    }

    /** How long a connection may stay silent (between requests, or within one) before it is closed (default 30 s). */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * How long {@link TokenSdkServer#stop()} waits for running handlers (default 10 s); then their callers get the
     * retryable answer. Zero answers them at once.
     */
    public Builder stopGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("grace must not be negative");
      }
      this.stopGrace = grace;
      return this;
    }

    /** The {@code Retry-After} of the answers to an overloaded or stopping server (default 1 s). */
    public Builder retryAfter(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      this.retryAfter = delay;
      return this;
    }

    /** The body limit in bytes (default 64 KiB); a larger body gets 413, at once when its length is declared. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      dispatcher.maxBodyBytes(maxBodyBytes);
      return this;
    }

    /** The limit of a request's line and headers together (default 8 KiB); larger ones get 431. */
    public Builder maxHeaderBytes(int maxHeaderBytes) {
      if (maxHeaderBytes < 1024) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 1024");
      }
      this.maxHeaderBytes = maxHeaderBytes;
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

    /**
     * Receives one {@link ServerEvent} per answered request: operation, status, latency, outcome, dedupe hits, and the
     * host's own refusals ({@code OVERLOADED} past the workers and queue or while stopping, {@code LIMIT_EXCEEDED} for
     * headers or bodies too large or too slow, {@code REJECTED} for malformed HTTP). Default: none.
     */
    public Builder listener(ServerListener listener) {
      dispatcher.listener(listener);
      return this;
    }

    /** Receives every handler failure with its stack trace and the request's context; see the dispatcher's. */
    public Builder handlerErrorHook(HandlerErrorHook hook) {
      dispatcher.handlerErrorHook(hook);
      return this;
    }

    /** Serves an already built dispatcher instead of the mounts of this builder (its body limit applies). */
    public Builder dispatcher(TokenSdkDispatcher dispatcher) {
      this.prebuilt = Objects.requireNonNull(dispatcher, "dispatcher");
      return this;
    }

    /** The server, not yet started. */
    public TokenSdkServer build() {
      return new TokenSdkServer(copy(), prebuilt != null ? prebuilt : dispatcher.build());
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
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
      copy.maxHeaderBytes = maxHeaderBytes;
      copy.handshakeTimeout = handshakeTimeout;
      copy.headerReadTimeout = headerReadTimeout;
      copy.bodyReadTimeout = bodyReadTimeout;
      copy.idleTimeout = idleTimeout;
      copy.stopGrace = stopGrace;
      copy.retryAfter = retryAfter;
      return copy;
    }
  }
}
