package io.tokensdk.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one handler is mounted: the API keys it accepts (COF), how retried requests are deduplicated, how JSON
 * {@code null} is read and how the handler's own exceptions are answered. Immutable; built with {@link #builder()}.
 */
public final class MountOptions {
  /** The default wait of a duplicate for its first delivery: 5 s. */
  public static final Duration DEFAULT_DUPLICATE_WAIT = Duration.ofSeconds(5);
  /** The default claim lease: 30 s. */
  public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(30);
  private static final MountOptions DEFAULTS = builder().build();

  private final ApiKeys apiKeys;
  private final DedupeStore dedupeStore;
  private final boolean dedupe;
  private final Duration duplicateWait;
  private final Duration claimLease;
  private final boolean nullAsAbsent;
  private final Map<Class<? extends Throwable>, ExceptionMapper<Throwable>> exceptionMappers;

  private MountOptions(Builder builder) {
    this.apiKeys = builder.apiKeys;
    this.dedupeStore = builder.dedupeStore;
    this.dedupe = builder.dedupe;
    this.duplicateWait = builder.duplicateWait;
    this.claimLease = builder.claimLease;
    this.nullAsAbsent = builder.nullAsAbsent;
    this.exceptionMappers = Map.copyOf(builder.exceptionMappers);
  }

  /** No API keys, default dedupe. Enough for TSP and PAT; a COF mount needs {@link Builder#apiKeys}. */
  public static MountOptions defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The accepted API keys, or null. */
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  /** The dedupe store to use, or null for a new {@link InMemoryDedupeStore}; ignored when dedupe is off. */
  public DedupeStore dedupeStore() {
    return dedupeStore;
  }

  /** Whether retried requests are deduplicated by their idempotency key (the default). */
  public boolean dedupe() {
    return dedupe;
  }

  /** How long a duplicate waits for a concurrent first delivery before it gets a retryable answer. */
  public Duration duplicateWait() {
    return duplicateWait;
  }

  /** How long a claim holds while its handler runs, if the instance that holds it never completes it. */
  public Duration claimLease() {
    return claimLease;
  }

  /** True when JSON {@code null} is read as an absent field; false (the default) when it is a validation error. */
  public boolean nullAsAbsent() {
    return nullAsAbsent;
  }

  /** The mapper registered for {@code error}'s class or its nearest superclass, or null. */
  ExceptionMapper<Throwable> mapperFor(Throwable error) {
    for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
      ExceptionMapper<Throwable> mapper = exceptionMappers.get(type);
      if (mapper != null) {
        return mapper;
      }
    }
    return null;
  }

  /** Builds {@link MountOptions}. */
  public static final class Builder {
    private ApiKeys apiKeys;
    private DedupeStore dedupeStore;
    private boolean dedupe = true;
    private Duration duplicateWait = DEFAULT_DUPLICATE_WAIT;
    private Duration claimLease = DEFAULT_CLAIM_LEASE;
    private boolean nullAsAbsent;
    private final Map<Class<? extends Throwable>, ExceptionMapper<Throwable>> exceptionMappers = new LinkedHashMap<>();

    private Builder() {
    }

    /** The keys accepted in {@code authorization: APIKEY <key>}; required for a COF handler. */
    public Builder apiKeys(ApiKeys apiKeys) {
      this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
      return this;
    }

    /** A shared dedupe store instead of the default {@link InMemoryDedupeStore}. */
    public Builder dedupeStore(DedupeStore store) {
      this.dedupeStore = Objects.requireNonNull(store, "store");
      this.dedupe = true;
      return this;
    }

    /** Turns deduplication off (e.g. when the handler is idempotent itself). */
    public Builder noDedupe() {
      this.dedupe = false;
      return this;
    }

    /** How long a duplicate waits for a first delivery still in progress (default 5 s; zero answers at once). */
    public Builder duplicateWait(Duration wait) {
      Objects.requireNonNull(wait, "wait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("wait must not be negative");
      }
      this.duplicateWait = wait;
      return this;
    }

    /**
     * How long a claimed key holds while its handler runs (default 30 s). Set it longer than the slowest handler: a
     * claim whose instance dies is released when its lease ends, and a retry arriving after that runs the handler
     * again (delivery stays at least once). A handler still running when its lease ends may then run twice.
     */
    public Builder claimLease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("lease must be longer than zero");
      }
      this.claimLease = lease;
      return this;
    }

    /**
     * Reads JSON {@code null} as an absent field, for peers that send nulls. By default (OAS 3.0: a schema without
     * {@code nullable: true} does not allow null) a null is a validation error: TSP 112, COF 400, PAT 1301.
     */
    public Builder nullAsAbsent() {
      this.nullAsAbsent = true;
      return this;
    }

    /**
     * Answers a domain exception of {@code type} (or a subclass, unless a mapper is registered for it) with the typed
     * exception {@code mapper} returns. The most specific registered class wins.
     */
    @SuppressWarnings("unchecked")
    public <E extends Throwable> Builder mapException(Class<E> type, ExceptionMapper<? super E> mapper) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(mapper, "mapper");
      exceptionMappers.put(type, (ExceptionMapper<Throwable>) mapper);
      return this;
    }

    /** The options. */
    public MountOptions build() {
      return new MountOptions(this);
    }
  }
}
