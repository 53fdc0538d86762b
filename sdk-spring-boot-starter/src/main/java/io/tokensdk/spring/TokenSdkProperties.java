package io.tokensdk.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Everything the starter reads, under tokensdk.*. Client beans exist for each API whose base-url is
 * set; handler beans are mounted with the tokensdk.server.* settings. The javadoc of each field is the
 * description IDEs show (it becomes META-INF/spring-configuration-metadata.json).
 */
@ConfigurationProperties(prefix = TokenSdkProperties.PREFIX)
public class TokenSdkProperties {
  /** The prefix of every property of the starter. */
  public static final String PREFIX = "tokensdk";

  /** The client of the TSP API (TSH side, simulators): a TspClient bean when base-url is set. */
  @NestedConfigurationProperty
  private Client tsp = new Client();

  /** The client of the COF API (sends binding notifications): a CofNotificationClient bean when base-url is set. */
  @NestedConfigurationProperty
  private CofClient cof = new CofClient();

  /** The client of the PAT API (sends Visa PAT notifications): a PatNotificationClient bean when base-url is set. */
  @NestedConfigurationProperty
  private Client pat = new Client();

  /** How handler beans are served inside the application's web server. */
  @NestedConfigurationProperty
  private Server server = new Server();

  /** The TSP client's settings. */
  public Client getTsp() {
    return tsp;
  }

  /** Sets the TSP client's settings. */
  public void setTsp(Client tsp) {
    this.tsp = tsp;
  }

  /** The COF client's settings. */
  public CofClient getCof() {
    return cof;
  }

  /** Sets the COF client's settings. */
  public void setCof(CofClient cof) {
    this.cof = cof;
  }

  /** The PAT client's settings. */
  public Client getPat() {
    return pat;
  }

  /** Sets the PAT client's settings. */
  public void setPat(Client pat) {
    this.pat = pat;
  }

  /** The server-side settings. */
  public Server getServer() {
    return server;
  }

  /** Sets the server-side settings. */
  public void setServer(Server server) {
    this.server = server;
  }

  /** One client's connection settings. */
  public static class Client {
    /**
     * The server's base URL: scheme, host, port and the spec's base path, e.g.
     * https://tsp.example.com/tsp/trapi/v1.0. The client bean exists only when this is set.
     */
    private String baseUrl;

    /**
     * The name of a Spring Boot SSL bundle (spring.ssl.bundle.*) giving the client certificate for mutual TLS
     * and the trusted certificates. Without it the client presents no certificate and trusts the JVM's default CAs.
     */
    private String tlsBundle;

    /** Connect timeout of each attempt. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** Read timeout of each attempt: the longest silence while waiting for or reading the answer. */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** Write timeout of each attempt. */
    private Duration writeTimeout = Duration.ofSeconds(30);

    /** Overall deadline of a call, retries and backoff included. */
    private Duration callDeadline = Duration.ofSeconds(60);

    /** Retries of answers the spec calls retryable (with the same request or correlation id). */
    @NestedConfigurationProperty
    private Retry retry = new Retry();

    /** The base URL. */
    public String getBaseUrl() {
      return baseUrl;
    }

    /** Sets the base URL. */
    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** The SSL bundle's name. */
    public String getTlsBundle() {
      return tlsBundle;
    }

    /** Sets the SSL bundle's name. */
    public void setTlsBundle(String tlsBundle) {
      this.tlsBundle = tlsBundle;
    }

    /** The connect timeout. */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /** Sets the connect timeout. */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    /** The read timeout. */
    public Duration getReadTimeout() {
      return readTimeout;
    }

    /** Sets the read timeout. */
    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    /** The write timeout. */
    public Duration getWriteTimeout() {
      return writeTimeout;
    }

    /** Sets the write timeout. */
    public void setWriteTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
    }

    /** The call deadline. */
    public Duration getCallDeadline() {
      return callDeadline;
    }

    /** Sets the call deadline. */
    public void setCallDeadline(Duration callDeadline) {
      this.callDeadline = callDeadline;
    }

    /** The retry policy. */
    public Retry getRetry() {
      return retry;
    }

    /** Sets the retry policy. */
    public void setRetry(Retry retry) {
      this.retry = retry;
    }
  }

  /** The COF client's settings: a client's, plus the API key. */
  public static class CofClient extends Client {
    /**
     * The API key, sent in the authorization header as "APIKEY" and the key; the COF API requires it. Keep it out of
     * files: set it from the environment (TOKENSDK_COF_API_KEY) or a secret store.
     */
    private String apiKey;

    /** The API key. */
    public String getApiKey() {
      return apiKey;
    }

    /** Sets the API key. */
    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }
  }

  /** Exponential backoff with jitter between attempts. */
  public static class Retry {
    /** Maximum number of attempts, the first included; 1 turns retries off. */
    private int maxAttempts = 3;

    /** Delay before the second attempt, before jitter. */
    private Duration baseDelay = Duration.ofMillis(200);

    /** Cap of any delay between attempts. */
    private Duration maxDelay = Duration.ofSeconds(2);

    /** The maximum number of attempts. */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /** Sets the maximum number of attempts. */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** The base delay. */
    public Duration getBaseDelay() {
      return baseDelay;
    }

    /** Sets the base delay. */
    public void setBaseDelay(Duration baseDelay) {
      this.baseDelay = baseDelay;
    }

    /** The maximum delay. */
    public Duration getMaxDelay() {
      return maxDelay;
    }

    /** Sets the maximum delay. */
    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }
  }

  /** Server-side settings, shared by every mounted handler. */
  public static class Server {
    /** Largest accepted request body; a larger one is answered 413. */
    private DataSize maxBodySize = DataSize.ofKilobytes(64);

    /** How a TspHandler bean is mounted. */
    @NestedConfigurationProperty
    private Mount tsp = new Mount();

    /** How a CofNotificationHandler bean is mounted. */
    @NestedConfigurationProperty
    private CofMount cof = new CofMount();

    /** How a PatNotificationHandler bean is mounted. */
    @NestedConfigurationProperty
    private Mount pat = new Mount();

    /** The body limit. */
    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    /** Sets the body limit. */
    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    /** The TSP mount. */
    public Mount getTsp() {
      return tsp;
    }

    /** Sets the TSP mount. */
    public void setTsp(Mount tsp) {
      this.tsp = tsp;
    }

    /** The COF mount. */
    public CofMount getCof() {
      return cof;
    }

    /** Sets the COF mount. */
    public void setCof(CofMount cof) {
      this.cof = cof;
    }

    /** The PAT mount. */
    public Mount getPat() {
      return pat;
    }

    /** Sets the PAT mount. */
    public void setPat(Mount pat) {
      this.pat = pat;
    }
  }

  /** Where one handler is served and how retried requests are deduplicated. */
  public static class Mount {
    /**
     * The path the handler's servlet is mapped to (below the servlet context path), e.g. /merchant/cof. Default:
     * the base path of the handler's spec (/tsp/trapi/v1.0, /tsh-cof, /pat).
     */
    private String path;

    /** The path, or null for the spec's base path. */
    public String getPath() {
      return path;
    }

    /** Sets the path. */
    public void setPath(String path) {
      this.path = path;
    }

    /**
     * Whether retried requests (the same idempotency key, as the spec defines it) are answered with the first answer
     * instead of reaching the handler again. A DedupeStore bean, when there is one, is the store (share one across
     * instances); otherwise each handler has an in-memory one.
     */
    private boolean dedupe = true;

    /** How long a retried request waits for a first delivery still in progress before it gets a retryable answer. */
    private Duration duplicateWait = Duration.ofSeconds(5);

    /**
     * How long a first delivery holds its claim in the dedupe store while its handler runs; after it, an instance that
     * died mid-request no longer blocks the retries of that request.
     */
    private Duration claimLease = Duration.ofSeconds(30);

    /** Whether notifications are deduplicated. */
    public boolean isDedupe() {
      return dedupe;
    }

    /** Turns deduplication on or off. */
    public void setDedupe(boolean dedupe) {
      this.dedupe = dedupe;
    }

    /** The claim lease. */
    public Duration getClaimLease() {
      return claimLease;
    }

    /** Sets the claim lease. */
    public void setClaimLease(Duration claimLease) {
      this.claimLease = claimLease;
    }

    /** The duplicate wait. */
    public Duration getDuplicateWait() {
      return duplicateWait;
    }

    /** Sets the duplicate wait. */
    public void setDuplicateWait(Duration duplicateWait) {
      this.duplicateWait = duplicateWait;
    }
  }

  /** The COF mount: a mount, plus the accepted API keys. */
  public static class CofMount extends Mount {
    /**
     * The keys accepted in the authorization header ("APIKEY" and the key), compared in constant time; several keys
     * allow rotation. Required when a CofNotificationHandler bean is mounted, unless an ApiKeys bean is defined (which
     * then wins, e.g. for keys read from a secret store on every request).
     */
    private List<String> apiKeys = new ArrayList<>();

    /** The accepted API keys. */
    public List<String> getApiKeys() {
      return apiKeys;
    }

    /** Sets the accepted API keys. */
    public void setApiKeys(List<String> apiKeys) {
      this.apiKeys = apiKeys;
    }
  }
}
