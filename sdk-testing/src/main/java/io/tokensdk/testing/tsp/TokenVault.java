package io.tokensdk.testing.tsp;

import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.server.TspErrorException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The sample TSP's in-memory token store: tokens by id, and DPANs kept unique. Thread-safe. */
final class TokenVault {
  private final Map<String, StoredToken> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> tokenIdByDpan = new ConcurrentHashMap<>();

  /** A new unique token id. */
  public String newTokenId() {
    return "tok-" + UUID.randomUUID();
  }

  /** Reserves {@code dpan} for {@code tokenId}; false when the DPAN is taken already. */
  public boolean reserveDpan(String dpan, String tokenId) {
    return tokenIdByDpan.putIfAbsent(dpan, tokenId) == null;
  }

  /** Stores a new token. */
  public void add(StoredToken token) {
    tokens.put(token.tokenId(), token);
  }

  /**
   * The token {@code tokenId} of {@code issuerId}.
   *
   * @throws TspErrorException 119 when there is none (a token of another issuer is unknown too)
   */
  public StoredToken get(String issuerId, String tokenId) {
    StoredToken token = tokens.get(tokenId);
    if (token == null || issuerId != null && !token.issuerId().equals(issuerId)) {
      throw unknown();
    }
    return token;
  }

  /**
   * Atomically replaces the token with {@code change(token)}; exceptions of {@code change} leave it unchanged.
   *
   * @throws TspErrorException 119 for an unknown token
   */
  public StoredToken update(String issuerId, String tokenId, UnaryOperator<StoredToken> change) {
    get(issuerId, tokenId);
    StoredToken updated = tokens.computeIfPresent(tokenId, (id, current) -> change.apply(current));
    if (updated == null) {
      throw unknown();
    }
    return updated;
  }

  /** The tokens of {@code issuerId} that match. */
  public List<StoredToken> find(String issuerId, Predicate<StoredToken> filter) {
    return tokens.values().stream().filter(t -> t.issuerId().equals(issuerId)).filter(filter).toList();
  }

  /** The token whose DPAN is {@code dpan}, if the issuer matches. */
  public List<StoredToken> findByDpan(String issuerId, String dpan) {
    String tokenId = tokenIdByDpan.get(dpan);
    StoredToken token = tokenId == null ? null : tokens.get(tokenId);
    return token != null && Objects.equals(token.issuerId(), issuerId) ? List.of(token) : List.of();
  }

  /** The message never names the token id: a caller may have sent anything there, a PAN included. */
  private static TspErrorException unknown() {
    return new TspErrorException(TspResponseCode.UNKNOWN_TOKEN, "Unknown token");
  }
}
