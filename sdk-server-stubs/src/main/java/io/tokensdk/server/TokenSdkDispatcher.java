package io.tokensdk.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The framework-neutral core of the server side: takes a {@link ServerRequest}, returns the {@link ServerResponse} the
 * spec prescribes. It routes by method and path under each mounted spec's base path (the route table is read from the
 * packaged spec), enforces the body limit, the content type and the API key, validates headers, path values and body
 * against every constraint of the spec, dedupes notifications, calls the handler and maps its result or exception.
 * <p>Immutable and thread-safe; built with {@link #builder()}. Request bodies are never logged or echoed.
 */
public final class TokenSdkDispatcher {
  /** The default body limit: 64 KiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  private static final System.Logger LOG = System.getLogger("io.tokensdk.server");

  private final List<Mount> mounts;
  private final int maxBodyBytes;

  private TokenSdkDispatcher(Builder builder) {
    List<Mount> list = new ArrayList<>(builder.mounts);
    list.sort(Comparator.comparingInt((Mount m) -> m.basePath().length()).reversed());
    this.mounts = List.copyOf(list);
    this.maxBodyBytes = builder.maxBodyBytes;
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
    return IdHeaders.echo(request::header, route(request));
  }

  private ServerResponse route(ServerRequest request) {
    try {
      String path = request.rawPath();
      for (Mount mount : mounts) {
        String base = mount.basePath();
        if (path.startsWith(base) && path.length() > base.length() && path.charAt(base.length()) == '/') {
          return mount.serve(request, path.substring(base.length()), maxBodyBytes);
        }
      }
      return ServerResponse.empty(404);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request failed inside the SDK with {0}", e.getClass().getName());
      return ServerResponse.empty(500);
    }
  }

  /** Builds a {@link TokenSdkDispatcher}. */
  public static final class Builder {
    private final List<Mount> mounts = new ArrayList<>();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

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

    /** The dispatcher. */
    public TokenSdkDispatcher build() {
      if (mounts.isEmpty()) {
        throw new IllegalStateException("mount at least one handler");
      }
      return new TokenSdkDispatcher(this);
    }
  }
}
