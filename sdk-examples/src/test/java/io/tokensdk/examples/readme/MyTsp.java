package io.tokensdk.examples.readme;

import com.nimbusds.jose.jwk.ECKey;
import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.crypto.keys.PrivateKeyLoader;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.model.tsp.CciState;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.TokenListItem;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.TspErrorException;
import io.tokensdk.server.jetty.TokenSdkServer;
import io.tokensdk.server.tsp.TspHandler;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A TSP answering the Thales TSH: opens the sealed card info, seals the token credentials. */
public final class MyTsp extends TspHandler {
  private record Token(CreateTokenReq request, CardInfo card, String dpan, String exp, State state) {}

  private final CmsEnvelopeOpener cards;       // opens cipheredCardInfo with the TSP's card-info key
  private final JweSealer credentials;         // seals encryptedData to the token requestor's public EC key
  private final Map<String, Token> vault = new ConcurrentHashMap<>();   // your vault

  public MyTsp(Path keys) {
    this(PrivateKeyLoader.load(keys.resolve("card-info.key")),
        CertificateLoader.load(keys.resolve("card-info-cert.pem")),
        JwkLoader.loadKey(keys.resolve("requestor.public.jwk.json")).toECKey());
  }

  public MyTsp(PrivateKey cardInfoKey, X509Certificate cardInfoCertificate, ECKey requestorKey) {
    cards = CmsEnvelopeOpener.forRecipient(cardInfoKey, cardInfoCertificate);   // envelopes naming this certificate
    credentials = JweSealer.ecdhEs(requestorKey);
  }

  @Override public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) {
    CardInfo card = cards.open(req.getCipheredCardInfo(), CardInfo.TYPE);   // the request is already validated
    Token token = new Token(req, card, "4895370012345671", "1231", State.ACTIVE);   // issue a DPAN your way
    String tokenId = UUID.randomUUID().toString();
    vault.put(tokenId, token);
    return new CreateTokenRes().tokenId(tokenId).tokenInfo(new TokenInfo()
        .last4(token.dpan().substring(12)).exp(token.exp())
        .encryptedData(credentials.seal(TokenData.of(token.dpan(), token.exp()))));
  }

  @Override public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) {
    Token token = usable(tokenId);
    vault.put(tokenId, new Token(token.request(), token.card(), token.dpan(), token.exp(), req.getNewState()));
  }

  @Override public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) {
    usable(tokenId);                                  // then open req.getNewCipheredCardInfo() and apply it
  }

  @Override public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx) {
    Token token = usable(tokenId);
    return new GetTokenCredentialsRes().encryptedData(credentials.seal(TokenCredentials.builder()
        .dpan(token.dpan()).exp(token.exp()).fpan(token.card().fpan()).fpanExp(token.card().exp()).build()));
  }

  @Override public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
    return new ListTokensRes().tokenList(vault.entrySet().stream()
        .filter(e -> e.getValue().request().getCardRefId().equals(req.getCardRefId()))
        .filter(e -> e.getValue().state() != State.ERASED)
        .map(e -> new TokenListItem().tokenId(e.getKey()).exp(e.getValue().exp())
            .last4(e.getValue().dpan().substring(12)).state(CciState.valueOf(e.getValue().state().name()))
            .tokenRequestorId(e.getValue().request().getTokenRequestorId())
            .walletProviderId(Objects.requireNonNullElse(e.getValue().request().getWalletProviderId(), "NONE"))
            .tokenStorageId(Objects.requireNonNullElse(e.getValue().request().getTokenStorageId(), "NONE")))
        .toList());
  }

  @Override public void healthCheck(RequestContext ctx) {
  }
  // the wallet-specific operations (requestReplenishment, repersoToken, ...) answer 911 unless overridden

  private Token usable(String tokenId) {
    Token token = vault.get(tokenId);
    if (token == null) {
      throw new TspErrorException(TspResponseCode.UNKNOWN_TOKEN);           // 400 errorRes 119
    }
    if (token.state() == State.DELETED || token.state() == State.ERASED) {
      throw new TspErrorException(TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION);   // 432
    }
    return token;
  }

  /** Serves the TSP API at https://host:port/tsp/trapi/v1.0 with mutual TLS. */
  public static TokenSdkServer serve(Path keys, int port) throws Exception {
    return TokenSdkServer.builder().port(port)
        .tlsPem(keys.resolve("server.pem"), keys.resolve("server.key"), keys.resolve("clients-ca.pem"))
        .mount(new MyTsp(keys))
        .build().start();
  }

  public static void main(String[] args) throws Exception {
    serve(Path.of(args.length > 0 ? args[0] : "tsp-keys"), 8443);
  }
}
