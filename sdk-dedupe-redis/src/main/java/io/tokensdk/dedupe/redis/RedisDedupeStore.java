package io.tokensdk.dedupe.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.DedupeStoreException;
import io.tokensdk.server.DedupeWaiters;
import io.tokensdk.server.ServerResponse;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DedupeStore} shared by every server instance that uses the same Redis (standalone, or a primary behind
 * Sentinel), on Lettuce.
 *
 * <p>One string key per dedupe key, {@code <prefix><key>} (prefix {@code tokensdk:dedupe:} by default). A claim is
 * {@code SET key value NX PX lease}, run in a Lua script that returns the value found when the key is taken, so that
 * the claim and the read of its outcome are one atomic step. Completion and release are Lua scripts too; each
 * publishes the key on the channel {@code <prefix>changed}, which the store's one pub/sub connection listens to, to
 * wake the duplicates waiting on it. Redis expires the keys itself: an in-flight claim at the end of its lease, an
 * answer at the end of the retention (24 h by default), so no purge is needed.
 *
 * <p>The store connects when it is built. When Redis cannot be reached, {@link #claim}, {@link #complete} and
 * {@link #release} throw {@link DedupeStoreException} at once (commands are rejected while disconnected, never
 * queued). Thread-safe; {@link #close} closes its connections.
 */
public final class RedisDedupeStore implements DedupeStore, AutoCloseable {
  /** The default retention of answers: 24 hours, longer than the senders' retry schedules. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  /** The default key prefix. */
  public static final String DEFAULT_PREFIX = "tokensdk:dedupe:";
  private static final byte IN_FLIGHT = 'P';
  private static final byte DONE = 'D';
  private static final long LEASE_MARGIN_MILLIS = 20;

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final StatefulRedisPubSubConnection<String, String> pubsub;
  private final String prefix;
  private final String channel;
  private final byte[] channelBytes;
  private final byte[] retentionMillis;
  private final DedupeWaiters waiters = new DedupeWaiters();
  private final Script claim;
  private final Script complete;
  private final Script release;
  private final Script leaseLeft;

  private RedisDedupeStore(Builder builder) {
    this.prefix = builder.prefix;
    this.channel = prefix + "changed";
    this.channelBytes = channel.getBytes(StandardCharsets.UTF_8);
    this.retentionMillis = ascii(builder.retention.toMillis());
    RedisURI uri = RedisURI.builder(builder.uri).withTimeout(builder.commandTimeout).build(); // the caller's stays as is
    this.client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    try {
      this.connection = client.connect(ByteArrayCodec.INSTANCE);
      this.pubsub = client.connectPubSub();
      pubsub.addListener(new RedisPubSubAdapter<>() {
        @Override
        public void message(String from, String key) {
          waiters.wake(key);
        }
      });
      pubsub.sync().subscribe(channel);
      client.addListener(new RedisConnectionStateListener() {
        @Override
        public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> handler, SocketAddress address) {
          waiters.wakeAll(); // notifications sent while disconnected are lost; the woken claim again
        }
      });
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw new DedupeStoreException("dedupe store: Redis cannot be reached", e);
    }
    RedisCommands<byte[], byte[]> commands = connection.sync();
    this.claim = new Script(commands, RedisScripts.CLAIM);
    this.complete = new Script(commands, RedisScripts.COMPLETE);
    this.release = new Script(commands, RedisScripts.RELEASE);
    this.leaseLeft = new Script(commands, RedisScripts.LEASE_LEFT);
  }

  /** A builder for a store on {@code uri}, e.g. {@code redis://cache.internal:6379/0} or {@code rediss://...}. */
  public static Builder builder(String uri) {
    return new Builder(RedisURI.create(Objects.requireNonNull(uri, "uri")));
  }

  /** A builder for a store on {@code uri}. */
  public static Builder builder(RedisURI uri) {
    return new Builder(Objects.requireNonNull(uri, "uri"));
  }

  @Override
  public Claim claim(String key, String fingerprint, String owner, Duration lease) {
    byte[] fp = utf8(fingerprint, "fingerprint");
    byte[] claimant = utf8(owner, "owner");
    long leaseMillis = Math.max(1, Objects.requireNonNull(lease, "lease").toMillis());
    byte[] found = claim.value(redisKey(key), inFlight(fp, claimant), ascii(leaseMillis));
    if (found == null) {
      return Claim.acquired();
    }
    ByteBuffer value = ByteBuffer.wrap(found);
    if (found.length < 5) {
      throw new DedupeStoreException("dedupe store: a stored value cannot be read");
    }
    byte state = value.get();
    int length = value.getInt();
    if (length != fp.length || value.remaining() < length
        || !Arrays.equals(found, 5, 5 + length, fp, 0, fp.length)) {
      return Claim.conflict();
    }
    if (state == IN_FLIGHT) {
      return Claim.inProgress();
    }
    if (state != DONE) {
      throw new DedupeStoreException("dedupe store: a stored value cannot be read");
    }
    try {
      return Claim.done(ServerResponse.decode(Arrays.copyOfRange(found, 5 + length, found.length)));
    } catch (IllegalArgumentException e) {
      throw new DedupeStoreException("dedupe store: a stored answer cannot be read", e);
    }
  }

  @Override
  public boolean complete(String key, String owner, ServerResponse response) {
    return complete.integer(redisKey(key), utf8(owner, "owner"), Objects.requireNonNull(response, "response").encode(),
        retentionMillis, channelBytes) == 1;
  }

  @Override
  public boolean release(String key, String owner) {
    return release.integer(redisKey(key), utf8(owner, "owner"), channelBytes) == 1;
  }

  @Override
  public CompletableFuture<Void> awaitChange(String key, Duration maxWait) {
    byte[] redisKey = redisKey(key);
    CompletableFuture<Void> changed = waiters.register(new String(redisKey, StandardCharsets.UTF_8),
        Objects.requireNonNull(maxWait, "maxWait"));
    long left;
    try {
      left = leaseLeft.integer(redisKey);
    } catch (DedupeStoreException e) {
      left = -1; // the caller's next claim reports the failure
    }
    if (left < 0) {
      changed.complete(null);
    } else {
      changed.completeOnTimeout(null, left + LEASE_MARGIN_MILLIS, TimeUnit.MILLISECONDS);
    }
    return changed;
  }

  /** Closes the connections and the client. */
  @Override
  public void close() {
    waiters.wakeAll();
    pubsub.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private byte[] redisKey(String key) {
    return (prefix + Objects.requireNonNull(key, "key")).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] inFlight(byte[] fingerprint, byte[] owner) {
    return ByteBuffer.allocate(5 + fingerprint.length + owner.length).put(IN_FLIGHT).putInt(fingerprint.length)
        .put(fingerprint).put(owner).array();
  }

  private static byte[] utf8(String value, String name) {
    return Objects.requireNonNull(value, name).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(long value) {
    return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
  }

  /** A Lua script run by its digest, loaded again when the server lost it (restart, SCRIPT FLUSH). */
  private static final class Script {
    private final RedisCommands<byte[], byte[]> commands;
    private final byte[] source;
    private final String digest;

    Script(RedisCommands<byte[], byte[]> commands, String source) {
      this.commands = commands;
      this.source = source.getBytes(StandardCharsets.UTF_8);
      this.digest = commands.digest(this.source);
    }

    byte[] value(byte[] key, byte[]... args) {
      return run(ScriptOutputType.VALUE, key, args);
    }

    long integer(byte[] key, byte[]... args) {
      Long result = run(ScriptOutputType.INTEGER, key, args);
      return result == null ? -1 : result;
    }

    private <T> T run(ScriptOutputType type, byte[] key, byte[]... args) {
      byte[][] keys = {key};
      try {
        try {
          return commands.evalsha(digest, type, keys, args);
        } catch (RedisNoScriptException e) {
          return commands.eval(source, type, keys, args);
        }
      } catch (RedisException e) {
        throw new DedupeStoreException("dedupe store: Redis cannot be reached or failed (" + e.getClass().getSimpleName()
            + ")", e);
      }
    }
  }

  /** Builds a {@link RedisDedupeStore}. */
  public static final class Builder {
    private final RedisURI uri;
    private String prefix = DEFAULT_PREFIX;
    private Duration retention = DEFAULT_RETENTION;
    private Duration commandTimeout = Duration.ofSeconds(5);

    private Builder(RedisURI uri) {
      this.uri = uri;
    }

    /** The prefix of every key and of the channel (default {@value RedisDedupeStore#DEFAULT_PREFIX}). */
    public Builder keyPrefix(String prefix) {
      if (Objects.requireNonNull(prefix, "prefix").isEmpty()) {
        throw new IllegalArgumentException("prefix must not be empty");
      }
      this.prefix = prefix;
      return this;
    }

    /** How long answers are kept for replay (default 24 h). */
    public Builder retention(Duration retention) {
      this.retention = positive(retention, "retention");
      return this;
    }

    /** The timeout of each command (default 5 s). */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = positive(timeout, "commandTimeout");
      return this;
    }

    /**
     * The store, connected.
     *
     * @throws DedupeStoreException when Redis cannot be reached
     */
    public RedisDedupeStore build() {
      return new RedisDedupeStore(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be longer than zero");
      }
      return value;
    }
  }
}
