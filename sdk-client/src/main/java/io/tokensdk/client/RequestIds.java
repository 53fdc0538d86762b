package io.tokensdk.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs for the ids the client fills in: request, correlation, message and conversation ids.
 *
 * <p>{@link UUID#randomUUID()} draws 16 bytes at a time from the one {@code SecureRandom} of the JVM (NativePRNG on
 * Linux): every id takes its global lock, and every other id reads {@code /dev/urandom}. Here a few stripes, chosen by
 * thread, each keep a DRBG of their own (NIST SP 800-90A, seeded by the JDK) and draw the bytes of 32 ids at a time.
 * The ids are as unpredictable as before; a stripe rather than a thread-local keeps this cheap for virtual threads.
 */
final class RequestIds {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int ID_BYTES = 16;
  private static final int IDS_PER_DRAW = 32;
  /** The smallest power of two at least twice the CPUs: few threads share a stripe at once. */
  private static final Stripe[] STRIPES = stripes(Integer.highestOneBit(
      Math.max(1, Runtime.getRuntime().availableProcessors() * 2 - 1)) * 2);

  private RequestIds() {
  }

  /** A new random UUID, as text. */
  static String next() {
    // Fibonacci hashing spreads consecutive thread ids over the stripes
    long mixed = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
    return STRIPES[(int) (mixed >>> 32) & (STRIPES.length - 1)].next().toString();
  }

  private static Stripe[] stripes(int count) {
    Stripe[] stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      stripes[i] = new Stripe();
    }
    return stripes;
  }

  /** One DRBG and the bytes it drew that no id has taken yet. */
  private static final class Stripe {
    private final byte[] drawn = new byte[ID_BYTES * IDS_PER_DRAW];
    private int taken = drawn.length;
    private SecureRandom random;

    synchronized UUID next() {
      if (taken == drawn.length) {
        if (random == null) {
          random = drbg();
        }
        random.nextBytes(drawn);
        taken = 0;
      }
      long high = (long) LONGS.get(drawn, taken);
      long low = (long) LONGS.get(drawn, taken + 8);
      taken += ID_BYTES;
      // the version (4) and the variant (IETF) bits, as UUID.randomUUID sets them
      return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    private static SecureRandom drbg() {
      try {
        return SecureRandom.getInstance("DRBG");
      } catch (NoSuchAlgorithmException e) {
        // every JDK since 9 has it; a JDK stripped of it still has the default generator
        return new SecureRandom();
      }
    }
  }
}
