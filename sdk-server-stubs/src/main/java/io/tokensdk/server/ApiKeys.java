package io.tokensdk.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API keys a COF receiver accepts in {@code authorization: APIKEY <key>}. Several keys may be valid at once, so
 * that a key can be rotated without downtime: add the new key, let the sender switch, remove the old one.
 * <p>A presented key is compared in constant time against every accepted key: both sides are MACed with a random
 * per-instance secret (HMAC-SHA256, so lengths do not leak) and compared with {@link MessageDigest#isEqual}, without an
 * early exit. Thread-safe.
 */
public final class ApiKeys {
  private static final String HMAC = "HmacSHA256";
  private final byte[] secret;
  /** A MAC keyed with this instance's secret, cloned for each thread: no provider lookup or key set-up per request. */
  private final Mac keyed;
  /** Each thread's MAC, back in its keyed state after every {@link Mac#doFinal}. */
  private final ThreadLocal<Mac> perThread = ThreadLocal.withInitial(this::copyOfKeyed);
  private final Supplier<? extends Collection<String>> source;
  private final List<byte[]> fixedMacs;

  private ApiKeys(Supplier<? extends Collection<String>> source, Collection<String> fixed) {
    this.secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.keyed = keyedMac(secret);
    this.source = source;
    this.fixedMacs = fixed == null ? null : macs(fixed);
  }

  /** A fixed set of accepted keys (at least one, none blank). */
  public static ApiKeys of(String... keys) {
    Objects.requireNonNull(keys, "keys");
    for (String key : keys) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("blank API key");
      }
    }
    return of(List.of(keys));
  }

  /** A fixed set of accepted keys (at least one, none blank). */
  public static ApiKeys of(Collection<String> keys) {
    return new ApiKeys(null, checked(keys));
  }

  /**
   * Keys read from {@code current} on every request, for rotation driven by a secret store. The supplier must be fast and
   * thread-safe; an empty collection rejects every request.
   */
  public static ApiKeys rotating(Supplier<? extends Collection<String>> current) {
    return new ApiKeys(Objects.requireNonNull(current, "current"), null);
  }

  /** True when {@code presented} is one of the accepted keys. */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    List<byte[]> accepted = fixedMacs != null ? fixedMacs : macs(source.get());
    byte[] candidate = mac(presented);
    boolean match = false;
    for (byte[] key : accepted) {
      match |= MessageDigest.isEqual(key, candidate);
    }
    return match;
  }

  private static Collection<String> checked(Collection<String> keys) {
    Objects.requireNonNull(keys, "keys");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one API key is required");
    }
    for (String key : keys) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("blank API key");
      }
    }
    return List.copyOf(keys);
  }

  private List<byte[]> macs(Collection<String> keys) {
    List<byte[]> out = new ArrayList<>();
    if (keys != null) {
      for (String key : keys) {
        if (key != null && !key.isBlank()) {
          out.add(mac(key));
        }
      }
    }
    return out;
  }

  private byte[] mac(String value) {
    return perThread.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
  }

  private Mac copyOfKeyed() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      // a provider whose MAC cannot be cloned: one keyed MAC per thread all the same
      return keyedMac(secret);
    }
  }

  private static Mac keyedMac(byte[] secret) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys{redacted}";
  }
}
