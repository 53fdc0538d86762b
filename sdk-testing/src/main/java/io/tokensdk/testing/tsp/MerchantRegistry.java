package io.tokensdk.testing.tsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Merchant ids in EMVCo TRID style: 11 digits, a 3-digit TSP code, a 7-digit sequence and a Luhn check digit. A merchant
 * name registered twice (per gateway) gets its first id back. Thread-safe.
 */
final class MerchantRegistry {
  private final String tspCode;
  private final AtomicInteger sequence = new AtomicInteger();
  private final Map<String, String> idsByGatewayAndName = new ConcurrentHashMap<>();

  /** A registry issuing ids under the 3-digit {@code tspCode}. */
  public MerchantRegistry(String tspCode) {
    if (!tspCode.matches("[0-9]{3}")) {
      throw new IllegalArgumentException("TSP code must be 3 digits");
    }
    this.tspCode = tspCode;
  }

  /** The id of {@code merchantName} at {@code gatewayId}, created on first use. */
  public String register(String gatewayId, String merchantName) {
    return idsByGatewayAndName.computeIfAbsent(gatewayId + "\n" + merchantName, key -> {
      String body = tspCode + String.format("%07d", sequence.incrementAndGet());
      return body + Luhn.checkDigit(body);
    });
  }
}
