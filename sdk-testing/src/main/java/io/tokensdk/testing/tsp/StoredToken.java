package io.tokensdk.testing.tsp;

import io.tokensdk.crypto.PanMask;
import io.tokensdk.model.tsp.DeviceInfo;
import io.tokensdk.model.tsp.State;
import java.time.OffsetDateTime;

/**
 * One token as the sample vault keeps it. Immutable: changes make a new instance that the vault swaps in atomically.
 * {@link #toString()} masks both PANs.
 */
record StoredToken(String tokenId, String issuerId, String cardRefId, String fpan, String fpanExp, String dpan,
    String exp, State state, String tokenRequestorId, String walletProviderId, String tokenStorageId,
    DeviceInfo deviceInfo, String tokenProductId, OffsetDateTime creationDate, int repCounter) {

  /** A copy in {@code newState}. */
  public StoredToken withState(State newState) {
    return new StoredToken(tokenId, issuerId, cardRefId, fpan, fpanExp, dpan, exp, newState, tokenRequestorId,
        walletProviderId, tokenStorageId, deviceInfo, tokenProductId, creationDate, repCounter);
  }

  /** A copy with new funding card data; null arguments keep the current value. */
  public StoredToken withCard(String newFpan, String newFpanExp, String newCardRefId) {
    return new StoredToken(tokenId, issuerId, newCardRefId != null ? newCardRefId : cardRefId,
        newFpan != null ? newFpan : fpan, newFpanExp != null ? newFpanExp : fpanExp, dpan, exp, state,
        tokenRequestorId, walletProviderId, tokenStorageId, deviceInfo, tokenProductId, creationDate, repCounter);
  }

  /** A copy with another token product. */
  public StoredToken withProduct(String productId) {
    return new StoredToken(tokenId, issuerId, cardRefId, fpan, fpanExp, dpan, exp, state, tokenRequestorId,
        walletProviderId, tokenStorageId, deviceInfo, productId, creationDate, repCounter);
  }

  /** A copy with the replenishment counter {@code counter}. */
  public StoredToken withRepCounter(int counter) {
    return new StoredToken(tokenId, issuerId, cardRefId, fpan, fpanExp, dpan, exp, state, tokenRequestorId,
        walletProviderId, tokenStorageId, deviceInfo, tokenProductId, creationDate, counter);
  }

  /** The last four digits of the DPAN. */
  public String last4() {
    return dpan.substring(dpan.length() - 4);
  }

  @Override
  public String toString() {
    return "StoredToken{" + tokenId + ", issuer=" + issuerId + ", dpan=" + PanMask.mask(dpan) + ", fpan="
        + PanMask.mask(fpan) + ", state=" + state + "}";
  }
}
