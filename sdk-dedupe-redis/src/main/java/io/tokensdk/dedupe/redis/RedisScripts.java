package io.tokensdk.dedupe.redis;

/**
 * The Lua scripts of the Redis store. Each runs atomically on the server. A key's value is one string: a state byte
 * ({@code P} in flight, {@code D} done), the fingerprint's length (4 bytes, big-endian) and the fingerprint, then for
 * {@code D} the encoded answer. The key's own expiry is the lease while in flight and the retention once done.
 */
final class RedisScripts {
  /** KEYS[1] key; ARGV[1] the in-flight value; ARGV[2] the lease (ms). Nil when claimed, else the value found. */
  static final String CLAIM = """
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
      return redis.call('GET', KEYS[1])
      """;

  /** KEYS[1] key; ARGV[1] the encoded answer; ARGV[2] the retention (ms); ARGV[3] the channel. */
  static final String COMPLETE = """
      local v = redis.call('GET', KEYS[1])
      if v and string.sub(v, 1, 1) == 'P' then
        redis.call('SET', KEYS[1], 'D' .. string.sub(v, 2) .. ARGV[1], 'PX', ARGV[2])
        redis.call('PUBLISH', ARGV[3], KEYS[1])
      end
      return 0
      """;

  /** KEYS[1] key; ARGV[1] the channel. */
  static final String RELEASE = """
      local v = redis.call('GET', KEYS[1])
      if v and string.sub(v, 1, 1) == 'P' then
        redis.call('DEL', KEYS[1])
        redis.call('PUBLISH', ARGV[1], KEYS[1])
      end
      return 0
      """;

  /** KEYS[1] key. The milliseconds left on an in-flight claim's lease, else -1. */
  static final String LEASE_LEFT = """
      local v = redis.call('GET', KEYS[1])
      if v and string.sub(v, 1, 1) == 'P' then return redis.call('PTTL', KEYS[1]) end
      return -1
      """;

  private RedisScripts() {
  }
}
