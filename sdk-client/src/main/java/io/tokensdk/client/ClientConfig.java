package io.tokensdk.client;

import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.SpecId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one immutable configuration of a client, built with {@link #builder(String)} in the manner of OkHttp's
 * {@code OkHttpClient.Builder}. It holds one OkHttp client: every client built from the same configuration shares its
 * connection pool and dispatcher. With {@link Builder#httpClient(OkHttpClient)} that OkHttp client is derived from the
 * caller's with {@code newBuilder()}, so it shares the caller's pool and dispatcher too.
 *
 * <p>Defaults: connect timeout 10 s, read and write timeouts 30 s, call deadline 60 s (retries included),
 * {@link RetryPolicy#DEFAULT} (3 attempts, 200 ms to 2 s backoff with jitter), the JVM's default trust, no client
 * certificate, no proxy, no HTTP log, user agent {@code tokensdk-java/<version>}, and asynchronous calls on at most
 * {@value #DEFAULT_ASYNC_THREADS} daemon threads of this configuration, and a connection pool that keeps up to
 * {@value #DEFAULT_MAX_IDLE_CONNECTIONS} idle connections for 5 minutes.
 */
public final class ClientConfig {
  /** The SDK version, as the user agent reports it. */
  public static final String SDK_VERSION = readVersion();
  /** The number of daemon threads of the default executor of asynchronous calls. */
  public static final int DEFAULT_ASYNC_THREADS = 16;
  /**
   * The idle connections the SDK's own pool keeps: as many as the default executor runs attempts at once. OkHttp's own
   * default, 5, makes every burst of more concurrent calls open new connections (with mutual TLS, a handshake each).
   */
  public static final int DEFAULT_MAX_IDLE_CONNECTIONS = DEFAULT_ASYNC_THREADS;
  private static final Duration IDLE_KEEP_ALIVE = Duration.ofMinutes(5);

  private final HttpUrl baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callDeadline;
  private final RetryPolicy retryPolicy;
  private final String apiKey;
  private final String userAgent;
  private final CallListener listener;
  private final HttpLog httpLog;
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final Executor executor;
  private final CallTiming timing;
  private final BiPredicate<SpecId, String> retrySafety;
  private final TlsRefusal tlsRefusal;

  private ClientConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callDeadline = b.callDeadline;
    this.retryPolicy = b.retryPolicy;
    this.apiKey = b.apiKey;
    this.userAgent = b.userAgent;
    this.listener = b.listener;
    this.httpLog = b.httpLog;
    this.httpClient = buildHttpClient(b);
    this.ownsHttpClient = b.callerClient == null;
    this.executor = b.executor != null ? b.executor : defaultExecutor();
    this.timing = b.timing;
    this.retrySafety = b.retrySafety;
    this.tlsRefusal = new TlsRefusal(clientCertificate(b.clientKeys),
        b.callerClient == null || b.clientKeys != null || b.trustManager != null, b.timing.wallClock());
  }

  /**
   * A builder for a server at {@code baseUrl}: scheme, host, port and the spec's base path, e.g.
   * {@code https://tsp.example.com/tsp/trapi/v1.0}. Operation paths are appended to it.
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** The base URL that operation paths are appended to. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** Connect timeout of each attempt. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Read timeout of each attempt: the longest silence while waiting for or reading the answer. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Write timeout of each attempt. */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** The overall deadline of a call, retries and backoff included. */
  public Duration callDeadline() {
    return callDeadline;
  }

  /** The retry policy. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The COF API key sent as {@code authorization: APIKEY <key>}, or null. */
  String apiKey() {
    return apiKey;
  }

  /** The User-Agent header. */
  public String userAgent() {
    return userAgent;
  }

  /** The attempt listener. */
  public CallListener listener() {
    return listener;
  }

  /** The HTTP log, or null when logging is off. */
  public HttpLog httpLog() {
    return httpLog;
  }

  /** The OkHttp client every client of this configuration uses. */
  OkHttpClient httpClient() {
    return httpClient;
  }

  /** Where asynchronous calls run their attempts. */
  Executor executor() {
    return executor;
  }

  CallTiming timing() {
    return timing;
  }

  /** Whether an operation's request that may have reached the server can be sent again. */
  BiPredicate<SpecId, String> retrySafety() {
    return retrySafety;
  }

  TlsRefusal tlsRefusal() {
    return tlsRefusal;
  }

  /** Closes the idle connections of the pool, when the pool is the SDK's own rather than the caller's. */
  void evictIdleConnectionsOfOwnPool() {
    if (ownsHttpClient) {
      httpClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "ClientConfig{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + ", retryPolicy="
        + retryPolicy.maxAttempts() + " attempts, callDeadline=" + callDeadline + "}";
  }

  private static OkHttpClient buildHttpClient(Builder b) {
    OkHttpClient.Builder http = b.callerClient == null
        ? new OkHttpClient.Builder().connectionPool(new ConnectionPool(b.maxIdleConnections,
            IDLE_KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
        : b.callerClient.newBuilder();
    if (b.callerClient == null || b.timeoutsSet.contains("connectTimeout")) {
      http.connectTimeout(b.connectTimeout);
    }
    if (b.callerClient == null || b.timeoutsSet.contains("readTimeout")) {
      http.readTimeout(b.readTimeout);
    }
    if (b.callerClient == null || b.timeoutsSet.contains("writeTimeout")) {
      http.writeTimeout(b.writeTimeout);
    }
    // The SDK counts and bounds every attempt itself; OkHttp's silent retry would hide attempts from both.
    http.retryOnConnectionFailure(false)
        .addNetworkInterceptor(new RetryAfterShield())
        .addNetworkInterceptor(new ConnectionTracker())
        .followRedirects(false);
    if (b.proxy != null) {
      http.proxy(b.proxy);
    }
    if (b.clientKeys != null || b.trustManager != null) {
      X509TrustManager trust = b.trustManager != null ? b.trustManager : TlsMaterial.trustManager(null);
      SSLContext context = TlsMaterial.sslContext(b.clientKeys, b.clientKeysPassword, trust);
      http.sslSocketFactory(context.getSocketFactory(), trust);
    }
    return http.build();
  }

  private static Executor defaultExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_ASYNC_THREADS, DEFAULT_ASYNC_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "tokensdk-async-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static X509Certificate clientCertificate(KeyStore keys) {
    if (keys == null) {
      return null;
    }
    try {
      for (String alias : Collections.list(keys.aliases())) {
        if (keys.isKeyEntry(alias) && keys.getCertificate(alias) instanceof X509Certificate certificate) {
          return certificate;
        }
      }
      return null;
    } catch (KeyStoreException e) {
      return null;
    }
  }

  private static String readVersion() {
    try (InputStream in = ClientConfig.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a {@link ClientConfig}. Not thread-safe; the configuration it builds is. */
  public static final class Builder {
    private final HttpUrl baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callDeadline = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private String apiKey;
    private String userAgent = "tokensdk-java/" + SDK_VERSION;
    private CallListener listener = CallListener.NONE;
    private HttpLog httpLog;
    private Proxy proxy;
    private KeyStore clientKeys;
    private char[] clientKeysPassword;
    private X509TrustManager trustManager;
    private OkHttpClient callerClient;
    private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;
    private boolean maxIdleConnectionsSet;
    private final Set<String> timeoutsSet = new HashSet<>();
    private Executor executor;
    private CallTiming timing = CallTiming.SYSTEM;
    private BiPredicate<SpecId, String> retrySafety = (spec, operationId) -> ApiConventions.of(spec).retrySafe(operationId);

    private Builder(String baseUrl) {
      HttpUrl parsed = HttpUrl.parse(notNull(baseUrl, "baseUrl"));
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl is not an http or https URL");
      }
      this.baseUrl = parsed;
    }

    /** Connect timeout of each attempt; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      timeoutsSet.add("connectTimeout");
      return this;
    }

    /** Read timeout of each attempt; default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      timeoutsSet.add("readTimeout");
      return this;
    }

    /** Write timeout of each attempt; default 30 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      timeoutsSet.add("writeTimeout");
      return this;
    }

    /** Overall deadline of a call, retries and backoff included; default 60 s. {@link RequestOptions} may override it. */
    public Builder callDeadline(Duration deadline) {
      this.callDeadline = positive(deadline, "callDeadline");
      return this;
    }

    /** The retry policy; {@link RetryPolicy#NONE} turns retries off. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = notNull(policy, "retryPolicy");
      return this;
    }

    /** The COF API key, sent as {@code authorization: APIKEY <key>}. Required for the COF client. */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("apiKey must be non-empty and without whitespace");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** Replaces the User-Agent; default {@code tokensdk-java/<version>}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = notNull(userAgent, "userAgent");
      return this;
    }

    /** Observes every attempt; see {@link CallListener}. */
    public Builder listener(CallListener listener) {
      this.listener = notNull(listener, "listener");
      return this;
    }

    /** Turns on the redacted HTTP log; see {@link HttpLog}. Off by default. */
    public Builder httpLog(HttpLog log) {
      this.httpLog = log;
      return this;
    }

    /** An HTTP or SOCKS proxy. */
    public Builder proxy(Proxy proxy) {
      this.proxy = proxy;
      return this;
    }

    /** The client certificate and key for mutual TLS, from a KeyStore (e.g. PKCS#12) and its key password. */
    public Builder clientCertificate(KeyStore keyStore, char[] keyPassword) {
      this.clientKeys = notNull(keyStore, "keyStore");
      this.clientKeysPassword = keyPassword == null ? new char[0] : keyPassword.clone();
      return this;
    }

    /**
     * The client certificate chain (PEM, leaf first) and its unencrypted private key (PEM: PKCS#8, PKCS#1 or SEC1;
     * the two may be one file) for mutual TLS, read by sdk-crypto's loaders.
     */
    public Builder clientCertificatePem(Path certificateChainPem, Path privateKeyPem) {
      return clientCertificatePem(certificateChainPem, privateKeyPem, null);
    }

    /** As {@link #clientCertificatePem(Path, Path)}, for an encrypted private key (PKCS#8 or OpenSSL legacy). */
    public Builder clientCertificatePem(Path certificateChainPem, Path privateKeyPem, char[] keyPassword) {
      notNull(certificateChainPem, "certificateChainPem");
      notNull(privateKeyPem, "privateKeyPem");
      this.clientKeys = TlsMaterial.keyStoreFromPem(certificateChainPem, privateKeyPem, keyPassword);
      this.clientKeysPassword = TlsMaterial.pemKeyStorePassword();
      return this;
    }

    /** Trusts exactly these certificates (e.g. the peer's CA) instead of the JVM's default trust store. */
    public Builder trustedCertificates(Collection<X509Certificate> certificates) {
      notNull(certificates, "certificates");
      if (certificates.isEmpty() || certificates.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("certificates must hold at least one certificate and no null");
      }
      this.trustManager = TlsMaterial.trustManager(TlsMaterial.trustStore(List.copyOf(certificates)));
      return this;
    }

    /** Trusts exactly the certificates of a PEM file instead of the JVM's default trust store. */
    public Builder trustedCertificatesPem(Path pem) {
      notNull(pem, "pem");
      return trustedCertificates(TlsMaterial.certificates(pem));
    }

    /** Uses this trust manager for the server certificate. */
    public Builder trustManager(X509TrustManager trustManager) {
      this.trustManager = notNull(trustManager, "trustManager");
      return this;
    }

    /**
     * Derives the SDK's OkHttp client from {@code client} with {@code newBuilder()}, so that it shares the caller's
     * connection pool, dispatcher, interceptors, TLS and proxy settings. The SDK then turns off OkHttp's own retry and
     * redirects (it counts every attempt itself) and adds two network interceptors; the connect, read and write timeouts,
     * proxy, client certificate and trust of this builder override the caller's only when they are set explicitly.
     * {@link ApiTransport#close()} leaves the caller's pool alone.
     */
    public Builder httpClient(OkHttpClient client) {
      this.callerClient = notNull(client, "client");
      return this;
    }

    /**
     * How many idle connections the SDK's own pool keeps open (for 5 minutes each), so that as many concurrent calls
     * find a connection ready; default {@value ClientConfig#DEFAULT_MAX_IDLE_CONNECTIONS}. A pool of the caller's
     * ({@link #httpClient(OkHttpClient)}) is sized by the caller: {@link #build()} refuses both.
     *
     * @throws IllegalArgumentException when {@code connections} is negative
     */
    public Builder maxIdleConnections(int connections) {
      if (connections < 0) {
        throw new IllegalArgumentException("maxIdleConnections must not be negative");
      }
      this.maxIdleConnections = connections;
      this.maxIdleConnectionsSet = true;
      return this;
    }

    /**
     * Where asynchronous calls run their attempts. By default each configuration has its own pool of at most
     * {@value ClientConfig#DEFAULT_ASYNC_THREADS} daemon threads (idle ones end after 30 s), so that an application
     * exits when its main thread ends. Backoff between attempts never holds a thread of it: the next attempt is
     * scheduled.
     */
    public Builder executor(Executor executor) {
      this.executor = notNull(executor, "executor");
      return this;
    }

    /** Replaces the specs' retry-safe operations, to test an operation the server would not deduplicate; for tests. */
    Builder retrySafety(BiPredicate<SpecId, String> retrySafety) {
      this.retrySafety = notNull(retrySafety, "retrySafety");
      return this;
    }

    /** Replaces the clocks and waiting of the retry logic; for tests. */
    Builder timing(CallTiming timing) {
      this.timing = notNull(timing, "timing");
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalStateException when both {@link #httpClient(OkHttpClient)} and {@link #maxIdleConnections} are set
     */
    public ClientConfig build() {
      if (callerClient != null && maxIdleConnectionsSet) {
        throw new IllegalStateException("maxIdleConnections sizes the SDK's own pool; with httpClient(...) the caller's"
            + " ConnectionPool is used: size that one");
      }
      return new ClientConfig(this);
    }

    private static <T> T notNull(T value, String name) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must not be null");
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }
  }
}
