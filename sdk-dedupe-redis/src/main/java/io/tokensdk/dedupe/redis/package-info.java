/**
 * {@link io.tokensdk.dedupe.redis.RedisDedupeStore}: a dedupe store shared by several server instances, on Redis
 * through Lettuce.
 */
package io.tokensdk.dedupe.redis;
