package io.tokensdk.server;

import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The framework-neutral core of the server side: takes a {@link ServerRequest}, returns the {@link ServerResponse} the
 * spec prescribes. It routes by method and path under each mounted spec's base path (the route table is read from the
 * packaged spec), enforces the body limit, the content type and the API key, refuses repeated id and key headers,
 * validates headers, path values and body against every constraint of the spec, deduplicates retried requests, calls
 * the handler and maps its result or exception. Every answer is reported to the {@link ServerListener}; every handler
 * failure to the {@link HandlerErrorHook}.
 * <p>Immutable and thread-safe; built with {@link #builder()}. Request bodies are never logged or echoed.
 */
public final class TokenSdkDispatcher {
  /** The default body limit: 64 KiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server");

  private final List<Mount> mounts;
  private final int maxBodyBytes;
  private final ServerListener listener;
  private final HandlerErrorHook errorHook;

  private TokenSdkDispatcher(Builder builder) {
    List<Mount> list = new ArrayList<>(builder.mounts);
    list.sort(Comparator.comparingInt((Mount m) -> m.basePath().length()).reversed());
    this.mounts = List.copyOf(list);
    this.maxBodyBytes = builder.maxBodyBytes;
    this.listener = builder.listener;
    this.errorHook = builder.errorHook;
  }

  /** A builder without mounts. */
  public static Builder builder() {
    return new Builder();
  }

  /** The body limit in bytes; a larger body is answered 413. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Serves one request. Never throws: a failure of the SDK itself is answered 500 without details.
   *
   * @param request the request, from any HTTP stack
   * @return the complete answer to write
   */
  public ServerResponse handle(ServerRequest request) {
    Objects.requireNonNull(request, "request");
    long start = startTime();
    Mount mount = mountFor(request.rawPath());
    Mount.Served served;
    try {
      served = mount == null
          ? new Mount.Served(null, Answer.of(ServerResponse.empty(404), ServerEvent.Outcome.REJECTED), null)
          : mount.serve(request, request.rawPath().substring(mount.basePath().length()), maxBodyBytes);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request failed inside the SDK with {0}", e.getClass().getName());
      served = new Mount.Served(null, Answer.of(ServerResponse.empty(500), ServerEvent.Outcome.INTERNAL_ERROR), null);
    }
    Answer answer = served.answer();
    if (answer.failure() != null) {
      reportFailure(answer, served, mount);
    }
    ServerResponse response = IdHeaders.echo(request::header, answer.response());
    report(mount, served.operation() == null ? null : served.operation().operationId(), response, start,
        answer.outcome(), request::header);
    return response;
  }

  /**
   * The answer to a request that a host refuses before any handler runs, because it is past its capacity or stopping:
   * the retryable answer of the API mounted at the request's path (TSP and COF 503, PAT 500 with statusCode 1300), with
   * {@code Retry-After}; a bare 503 with {@code Retry-After} for a path under no mount. Reads no body. Reported to the
   * listener as {@link ServerEvent.Outcome#OVERLOADED}.
   *
   * @param request the refused request (only its path and id headers are read)
   * @param retryAfter the delay to announce, rounded down to whole seconds
   */
  public ServerResponse retryLater(ServerRequest request, Duration retryAfter) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(retryAfter, "retryAfter");
    long start = startTime();
    Mount mount = mountFor(request.rawPath());
    ServerResponse response = mount != null ? mount.profile().retryLater(retryAfter, null)
        : ServerResponse.empty(503).withHeader("Retry-After", ApiProfile.seconds(retryAfter));
    response = IdHeaders.echo(request::header, response);
    report(mount, null, response, start, ServerEvent.Outcome.OVERLOADED, request::header);
    return response;
  }

  /**
   * The answer to a request that the HTTP layer refused before the dispatcher could read it (a bad URI, Content-Length
   * or chunk, headers or body too large, a body not received in time): the bad-request body of the API mounted at
   * {@code rawPath} (TSP {@code errorRes} 112, COF no body, PAT statusCode 1301), sent with {@code status}. A path under
   * no mount (or unreadable) gets the answer of the only mount when there is one, else no body. Reported to the listener
   * as {@link ServerEvent.Outcome#LIMIT_EXCEEDED} for 408, 413, 414 and 431, else {@link ServerEvent.Outcome#REJECTED}.
   *
   * @param rawPath the request's path as far as it could be read, or null
   * @param header the request's headers as far as they could be read (for the id headers to echo)
   * @param status the HTTP status to answer (400, 408, 413, 414, 431, ...)
   * @param reason what was wrong, in a few words naming no value (e.g. "bad chunked encoding")
   */
  public ServerResponse malformed(String rawPath, UnaryOperator<String> header, int status, String reason) {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(reason, "reason");
    long start = startTime();
    Mount mount = rawPath == null ? null : mountFor(rawPath);
    if (mount == null && mounts.size() == 1) {
      mount = mounts.get(0);
    }
    ServerResponse response = ServerResponse.empty(status);
    if (mount != null) {
      ServerResponse shaped = mount.profile().invalid(new Violation("request",
          Violation.Kind.BAD_FORMAT, "bad parameter format: request (" + reason + ")"), null);
      response = new ServerResponse(status, shaped.headers(), shaped.body());
    }
    response = IdHeaders.echo(header, response);
    boolean limit = status == 408 || status == 413 || status == 414 || status == 431;
    report(mount, null, response, start, limit ? ServerEvent.Outcome.LIMIT_EXCEEDED : ServerEvent.Outcome.REJECTED,
        header);
    return response;
  }

  private Mount mountFor(String path) {
    for (Mount mount : mounts) {
      String base = mount.basePath();
      if (path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/')) {
        return mount;
      }
    }
    return null;
  }

  private void reportFailure(Answer answer, Mount.Served served, Mount mount) {
    Throwable failure = answer.failure();
    if (errorHook == null) {
      // the class only: an exception's message may carry request data
      LOG.log(System.Logger.Level.WARNING, "{0} operation {1}: {2} ({3})", mount.spec().id().id(),
          served.operation().operationId(), answer.outcome(), failure.getClass().getName());
      return;
    }
    try {
      errorHook.onHandlerError(failure, served.context());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "handler error hook failed with {0}", e.getClass().getName());
    }
  }

  /** When an answer began, for the listener's event; no clock read without a listener. */
  private long startTime() {
    return listener == null ? 0 : System.nanoTime();
  }

  private void report(Mount mount, String operationId, ServerResponse response, long start,
      ServerEvent.Outcome outcome, UnaryOperator<String> header) {
    if (listener == null) {
      return;
    }
    SpecId spec = mount == null ? null : mount.spec().id();
    String id = spec == null ? null : IdHeaders.idOf(spec, header);
    ServerEvent event = new ServerEvent(spec, operationId, response.status(),
        Duration.ofNanos(System.nanoTime() - start), outcome, id);
    try {
      listener.onAnswered(event);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "server listener failed with {0}", e.getClass().getName());
    }
  }

  /** Builds a {@link TokenSdkDispatcher}. */
  public static final class Builder {
    private final List<Mount> mounts = new ArrayList<>();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private ServerListener listener;
    private HandlerErrorHook errorHook;

    private Builder() {
    }

    /** Mounts a generated handler under its spec's base path, with the default options. */
    public Builder mount(ApiHandler handler) {
      return mount(handler, MountOptions.defaults());
    }

    /**
     * Mounts a generated handler under its spec's base path.
     *
     * @throws IllegalStateException when the options miss something the API needs (a COF mount needs API keys), the
     *     base path is taken, or the handler lacks an operation of the spec
     */
    public Builder mount(ApiHandler handler, MountOptions options) {
      Mount mount = new Mount(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(options, "options"));
      for (Mount existing : mounts) {
        if (existing.basePath().equals(mount.basePath())) {
          throw new IllegalStateException("base path already mounted: " + mount.basePath());
        }
      }
      mounts.add(mount);
      return this;
    }

    /** The body limit in bytes (default 64 KiB). */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Receives one {@link ServerEvent} per answered request (default: none). */
    public Builder listener(ServerListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Receives every handler failure with its stack trace and the request's context (default: the SDK logs the
     * exception's class name only, at WARNING, on the {@code io.tokensdk.server} logger).
     */
    public Builder handlerErrorHook(HandlerErrorHook hook) {
      this.errorHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** The dispatcher. */
    public TokenSdkDispatcher build() {
      if (mounts.isEmpty()) {
        throw new IllegalStateException("mount at least one handler");
      }
      return new TokenSdkDispatcher(this);
    }
  }
}
