package io.tokensdk.dedupe.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tokensdk.server.DedupeStore.Claim.State;
import io.tokensdk.server.DedupeStoreException;
import io.tokensdk.server.ServerResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the Redis store has: its key layout, expiries and script reloading, on a real redis-server. */
class RedisDedupeStoreTest {
  private static final Duration LEASE = Duration.ofMinutes(5);
  private final String prefix = "test:" + UUID.randomUUID() + ":";
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> redis;
  private RedisDedupeStore store;

  @BeforeEach
  void connect() {
    client = RedisClient.create(RedisServer.shared().uri());
    connection = client.connect();
    redis = connection.sync();
    store = RedisDedupeStore.builder(RedisServer.shared().uri()).keyPrefix(prefix).retention(Duration.ofHours(2))
        .build();
  }

  @AfterEach
  void close() {
    store.close();
    connection.close();
    client.shutdown();
  }

  @Test
  void oneKeyPerDedupeKeyExpiringWithTheLeaseThenWithTheRetention() {
    store.claim("TSP:createToken:r1", "f", "o1", LEASE);
    long inFlight = redis.pttl(prefix + "TSP:createToken:r1");
    assertTrue(inFlight > 0 && inFlight <= LEASE.toMillis(), () -> "pttl " + inFlight);
    store.complete("TSP:createToken:r1", "o1", ServerResponse.empty(204));
    long done = redis.pttl(prefix + "TSP:createToken:r1");
    assertTrue(done > LEASE.toMillis() && done <= Duration.ofHours(2).toMillis(), () -> "pttl " + done);
    assertEquals(java.util.List.of(prefix + "TSP:createToken:r1"), redis.keys(prefix + "*"));
  }

  @Test
  void storesWithOtherPrefixesDoNotSeeEachOther() {
    try (RedisDedupeStore other = RedisDedupeStore.builder(RedisServer.shared().uri()).keyPrefix(prefix + "other:")
        .build()) {
      store.claim("a", "f", "o1", LEASE);
      assertEquals(State.ACQUIRED, other.claim("a", "f", "o1", LEASE).state());
    }
  }

  @Test
  void aForeignValueUnderTheKeyIsATypedFailureNotAnAnswer() {
    redis.set(prefix + "a", "D");
    DedupeStoreException e = assertThrows(DedupeStoreException.class, () -> store.claim("a", "f", "o1", LEASE));
    assertFalse(e.getMessage().contains(prefix), e::getMessage);
  }

  @Test
  void theScriptsAreLoadedAgainAfterTheServerForgotThem() {
    store.claim("a", "f", "o1", LEASE);
    redis.scriptFlush();
    store.complete("a", "o1", ServerResponse.empty(204));
    assertEquals(State.DONE, store.claim("a", "f", "o1", LEASE).state());
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("key", assertThrows(NullPointerException.class, () -> store.claim(null, "f", "o1", LEASE)).getMessage());
    assertEquals("fingerprint", assertThrows(NullPointerException.class, () -> store.claim("k", null, "o1", LEASE))
        .getMessage());
    assertEquals("uri", assertThrows(NullPointerException.class, () -> RedisDedupeStore.builder((String) null))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> RedisDedupeStore.builder("redis://x").keyPrefix(""));
    assertThrows(IllegalArgumentException.class, () -> RedisDedupeStore.builder("redis://x").retention(Duration.ZERO));
  }

  @Test
  void aStoreThatCannotConnectAtStartFailsTyped() {
    RedisServer gone = RedisServer.start();
    String uri = gone.uri();
    gone.close();
    assertThrows(DedupeStoreException.class,
        () -> RedisDedupeStore.builder(uri).commandTimeout(Duration.ofSeconds(2)).build());
  }
}
