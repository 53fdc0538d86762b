package io.tokensdk.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How one handler is mounted: the API keys it accepts (COF) and how redelivered notifications are deduplicated (COF and
 * PAT). Immutable; built with {@link #builder()}.
 */
public final class MountOptions {
  private static final MountOptions DEFAULTS = builder().build();

  private final ApiKeys apiKeys;
  private final DedupeStore dedupeStore;
  private final boolean dedupe;
  private final Duration duplicateWait;

  private MountOptions(Builder builder) {
    this.apiKeys = builder.apiKeys;
    this.dedupeStore = builder.dedupeStore;
    this.dedupe = builder.dedupe;
    this.duplicateWait = builder.duplicateWait;
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

  /** Whether COF and PAT notifications are deduplicated (the default). */
  public boolean dedupe() {
    return dedupe;
  }

  /** How long a duplicate waits for a concurrent first delivery before it gets a retryable answer. */
  public Duration duplicateWait() {
    return duplicateWait;
  }

  /** Builds {@link MountOptions}. */
  public static final class Builder {
    private ApiKeys apiKeys;
    private DedupeStore dedupeStore;
    private boolean dedupe = true;
    private Duration duplicateWait = Duration.ofSeconds(5);

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
      if (wait.isNegative()) {
        throw new IllegalArgumentException("negative wait");
      }
      this.duplicateWait = wait;
      return this;
    }

    /** The options. */
    public MountOptions build() {
      return new MountOptions(this);
    }
  }
}
