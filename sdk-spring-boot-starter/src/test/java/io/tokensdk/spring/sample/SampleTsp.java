package io.tokensdk.spring.sample;

import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.TspErrorException;
import io.tokensdk.server.tsp.TspHandler;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TSP for the sample: tokens and their states in memory. A real TSP opens {@code cipheredCardInfo} and seals the
 * credentials with {@code sdk-crypto} (see {@code io.tokensdk.examples.tsp.SampleTsp} in sdk-examples); the wiring into
 * Spring Boot is the same.
 */
public class SampleTsp extends TspHandler {
  private final Map<String, String> states = new ConcurrentHashMap<>();

  @Override
  public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) {
    String tokenId = "tok-" + UUID.randomUUID();
    states.put(tokenId, req.getInitialState() == null ? "ACTIVE" : req.getInitialStateAsString());
    return new CreateTokenRes().tokenId(tokenId).tokenInfo(new TokenInfo().last4("4792").exp("1229"));
  }

  @Override
  public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) {
    known(tokenId);
  }

  @Override
  public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) {
    known(tokenId);
    states.put(tokenId, req.getNewStateAsString());
  }

  @Override
  public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx) {
    known(tokenId);
    // a real TSP returns JweSealer.seal(TokenData.of(dpan, exp)) here
    return new GetTokenCredentialsRes().encryptedData("eyJhbGciOiJFQ0RILUVTIn0..iv.ciphertext.tag");
  }

  @Override
  public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
    return new ListTokensRes();
  }

  @Override
  public void healthCheck(RequestContext ctx) {
    // answered 204: this TSP is up
  }

  /** The state of a token, or null. */
  public String state(String tokenId) {
    return states.get(tokenId);
  }

  private void known(String tokenId) {
    if (!states.containsKey(tokenId)) {
      throw new TspErrorException(TspResponseCode.UNKNOWN_TOKEN);   // 400 errorRes, responseCode 119
    }
  }
}
