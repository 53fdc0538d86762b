package io.tokensdk.examples.readme;

import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.crypto.keys.PrivateKeyLoader;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.ClientAuth;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.TokenSdkServer;
import io.tokensdk.server.TspErrorException;
import io.tokensdk.server.tsp.TspHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A TSP answering the Thales TSH: opens the sealed card info, seals the token credentials. */
public final class MyTsp extends TspHandler {
  private record Token(String dpan, String exp, String fpan, String fpanExp) {}

  private final CmsEnvelopeOpener cards;       // opens cipheredCardInfo with the TSP's card-info key
  private final JweSealer credentials;         // seals encryptedData to the token requestor's public EC key
  private final Map<String, Token> vault = new ConcurrentHashMap<>();   // your vault

  public MyTsp(Path keys) {
    cards = CmsEnvelopeOpener.forRecipient(PrivateKeyLoader.load(keys.resolve("card-info.key")),
        CertificateLoader.load(keys.resolve("card-info-cert.pem")));   // only the recipient naming this certificate
    credentials = JweSealer.ecdhEs(JwkLoader.loadKey(keys.resolve("requestor.public.jwk.json")).toECKey());
  }

  @Override public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) {
    CardInfo card = cards.open(req.getCipheredCardInfo(), CardInfo.TYPE);   // the request is already validated
    Token token = new Token("4895370012345671", "1231", card.fpan(), card.exp());   // issue a DPAN your way
    String tokenId = UUID.randomUUID().toString();
    vault.put(tokenId, token);
    return new CreateTokenRes().tokenId(tokenId).tokenInfo(new TokenInfo()
        .last4(token.dpan().substring(12)).exp(token.exp())
        .encryptedData(credentials.seal(TokenData.of(token.dpan(), token.exp()))));
  }

  @Override public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) {
    known(tokenId);                                                         // then change its state
  }

  @Override public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) {
    known(tokenId);
  }

  @Override public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx) {
    Token token = known(tokenId);
    return new GetTokenCredentialsRes().encryptedData(credentials.seal(TokenCredentials.builder()
        .dpan(token.dpan()).exp(token.exp()).fpan(token.fpan()).fpanExp(token.fpanExp()).build()));
  }

  @Override public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
    return new ListTokensRes();                                             // look the card's tokens up
  }

  @Override public void healthCheck(RequestContext ctx) {
  }
  // the wallet-specific operations (requestReplenishment, repersoToken, ...) answer 911 unless overridden

  private Token known(String tokenId) {
    Token token = vault.get(tokenId);
    if (token == null) {
      throw new TspErrorException(TspResponseCode.UNKNOWN_TOKEN);           // 400 errorRes 119
    }
    return token;
  }

  /** Serves the TSP API at https://host:port/tsp/trapi/v1.0 with mutual TLS. */
  public static TokenSdkServer serve(Path keys, int port) throws Exception {
    return TokenSdkServer.builder().port(port)
        .tls(ServerTls.fromPem(keys.resolve("server.pem"), keys.resolve("server.key"), keys.resolve("clients-ca.pem")),
            ClientAuth.REQUIRED)
        .mount(new MyTsp(keys))
        .build().start();
  }

  public static void main(String[] args) throws Exception {
    serve(Path.of(args.length > 0 ? args[0] : "tsp-keys"), 8443);
  }
}
