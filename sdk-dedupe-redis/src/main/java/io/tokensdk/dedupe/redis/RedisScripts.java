package io.tokensdk.dedupe.redis;

/**
 * The Lua scripts of the Redis store. Each runs atomically on the server. A key's value is one string: a state byte
 * ({@code P} in flight, {@code D} done), the fingerprint's length (4 bytes, big-endian) and the fingerprint, then for
 * {@code P} the claim's owner, for {@code D} the encoded answer. The key's own expiry is the lease while in flight and
 * the retention once done.
 */
final class RedisScripts {
  /** KEYS[1] key; ARGV[1] the in-flight value; ARGV[2] the lease (ms). Nil when claimed, else the value found. */
  static final String CLAIM = """
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
      return redis.call('GET', KEYS[1])
      """;

  /** Sets {@code v} to the key's value and {@code n} to its fingerprint's length when ARGV[1] owns it in flight. */
  private static final String OWNED = """
      local v = redis.call('GET', KEYS[1])
      if not v or string.sub(v, 1, 1) ~= 'P' or string.len(v) < 5 then return 0 end
      local n = ((string.byte(v, 2) * 256 + string.byte(v, 3)) * 256 + string.byte(v, 4)) * 256 + string.byte(v, 5)
      if string.sub(v, 6 + n) ~= ARGV[1] then return 0 end
      """;

  /** KEYS[1] key; ARGV[1] the owner; ARGV[2] the encoded answer; ARGV[3] the retention (ms); ARGV[4] the channel. */
  static final String COMPLETE = OWNED + """
      redis.call('SET', KEYS[1], 'D' .. string.sub(v, 2, 5 + n) .. ARGV[2], 'PX', ARGV[3])
      redis.call('PUBLISH', ARGV[4], KEYS[1])
      return 1
      """;

  /** KEYS[1] key; ARGV[1] the owner; ARGV[2] the channel. */
  static final String RELEASE = OWNED + """
      redis.call('DEL', KEYS[1])
      redis.call('PUBLISH', ARGV[2], KEYS[1])
      return 1
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
