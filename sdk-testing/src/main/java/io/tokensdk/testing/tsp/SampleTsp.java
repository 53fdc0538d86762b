package io.tokensdk.testing.tsp;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.FundingPanInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.Payload;
import io.tokensdk.crypto.payload.PayloadType;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.crypto.payload.TokenPanInfo;
import io.tokensdk.model.tsp.CciState;
import io.tokensdk.model.tsp.CreateMerchantReq;
import io.tokensdk.model.tsp.CreateMerchantRes;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.NotifyReplenishTokenDone;
import io.tokensdk.model.tsp.PaymentCredStatus;
import io.tokensdk.model.tsp.PaymentCredsDataItem;
import io.tokensdk.model.tsp.RepersoTokenReq;
import io.tokensdk.model.tsp.ReplenishTokenReq;
import io.tokensdk.model.tsp.ReplenishTokenRes;
import io.tokensdk.model.tsp.ReplenishmentDoneReq;
import io.tokensdk.model.tsp.RequestReplenishmentReq;
import io.tokensdk.model.tsp.RequestReplenishmentRes;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.SubmitNewTokenDataStatus;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.TokenListItem;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.model.tsp.UsageLimits;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.TspErrorException;
import io.tokensdk.server.tsp.TspHandler;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A sample Token Service Provider implementing every operation of the TSP API in memory: it opens the CMS card info,
 * issues Luhn-valid DPANs, seals token credentials as JWE, keeps the token lifecycle, and issues RAW or signed-JWE
 * payment credentials. Thread-safe; not a production TSP (no persistence, no HSM, no velocity checks).
 */
public class SampleTsp extends TspHandler {
  private static final String NOT_APPLICABLE = "NONE";
  private final CmsEnvelopeOpener cardInfoOpener;
  private final JweSealer credentialsSealer;
  private final PaymentCredentialIssuer paymentCredentials;
  private final TokenVault vault = new TokenVault();
  private final DpanIssuer dpans = new DpanIssuer("48953700");
  private final MerchantRegistry merchants = new MerchantRegistry("400");

  /** A TSP with {@code keys}. */
  public SampleTsp(TspKeys keys) {
    this.cardInfoOpener = CmsEnvelopeOpener.forRecipient(keys.cardInfoKey(), keys.cardInfoCertificate());
    this.credentialsSealer = JweSealer.ecdhEs(keys.credentialsRecipient());
    this.paymentCredentials = new PaymentCredentialIssuer(keys);
  }

  @Override
  public CreateTokenRes createToken(CreateTokenReq req, RequestContext context) {
    String fpan;
    String fpanExp;
    if (req.getCipheredCardInfo() != null) {
      CardInfo card = open(req.getCipheredCardInfo(), CardInfo.TYPE, "cipheredCardInfo");
      fpan = card.fpan();
      fpanExp = card.exp();
    } else {
      StoredToken known = vault.find(req.getIssuerId(), t -> t.cardRefId().equals(req.getCardRefId())).stream()
          .findFirst().orElseThrow(() -> new TspErrorException(TspResponseCode.MISSING_MANDATORY_PARAMETER,
              "cipheredCardInfo is required for an unknown cardRefId"));
      fpan = known.fpan();
      fpanExp = known.fpanExp();
    }
    String tokenId = vault.newTokenId();
    String dpan = dpans.nextDpan();
    while (!vault.reserveDpan(dpan, tokenId)) {
      dpan = dpans.nextDpan();
    }
    String exp = dpans.expiry();
    State state = req.getInitialState() == InitialState.ACTIVE ? State.ACTIVE : State.SUSPENDED;
    StoredToken token = new StoredToken(tokenId, req.getIssuerId(), req.getCardRefId(), fpan,
        fpanExp != null ? fpanExp : exp, dpan, exp, state, req.getTokenRequestorId(),
        orNone(req.getWalletProviderId()), orNone(req.getTokenStorageId()), req.getDeviceInfo(),
        req.getTokenProductId(), OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), 0);
    vault.add(token);
    return new CreateTokenRes().tokenId(tokenId).tokenInfo(new TokenInfo().exp(exp).last4(token.last4())
        .encryptedData(credentialsSealer.seal(TokenData.of(dpan, exp))));
  }

  @Override
  public void updateToken(String tokenId, UpdateTokenReq req, RequestContext context) {
    NewCardInfo card = open(req.getNewCipheredCardInfo(), NewCardInfo.TYPE, "newCipheredCardInfo");
    vault.update(req.getIssuerId(), tokenId, token -> {
      TokenStateMachine.requireLive(token.state());
      return token.withCard(card.newFpan(), card.newExp(), req.getNewCardRefId());
    });
  }

  @Override
  public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext context) {
    vault.update(req.getIssuerId(), tokenId,
        token -> token.withState(TokenStateMachine.transition(token.state(), req.getNewState())));
  }

  @Override
  public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext context) {
    StoredToken token = vault.get(issuerId, tokenId);
    TokenStateMachine.requireLive(token.state());
    TokenCredentials credentials = TokenCredentials.builder().dpan(token.dpan()).exp(token.exp())
        .fpan(token.fpan()).fpanExp(token.fpanExp()).paymentAccountReference(par(token)).serviceCode("201")
        .psn("01").build();
    return new GetTokenCredentialsRes().encryptedData(credentialsSealer.seal(credentials));
  }

  @Override
  public ListTokensRes listTokens(ListTokensReq req, RequestContext context) {
    List<StoredToken> found;
    if (req.getCipheredTokenInfo() != null) {
      String dpan = open(req.getCipheredTokenInfo(), TokenPanInfo.TYPE, "cipheredTokenInfo").dpan();
      found = vault.findByDpan(req.getIssuerId(), dpan);
    } else if (req.getCipheredCardInfo() != null) {
      String fpan = open(req.getCipheredCardInfo(), FundingPanInfo.TYPE, "cipheredCardInfo").fpan();
      found = vault.find(req.getIssuerId(), t -> t.fpan().equals(fpan));
    } else if (req.getCardRefId() != null) {
      found = vault.find(req.getIssuerId(), t -> t.cardRefId().equals(req.getCardRefId()));
    } else {
      throw new TspErrorException(TspResponseCode.MISSING_MANDATORY_PARAMETER,
          "one of cipheredCardInfo, cipheredTokenInfo or cardRefId is required");
    }
    List<TokenListItem> items = new ArrayList<>();
    for (StoredToken token : found) {
      if (token.state() != State.ERASED) {
        items.add(new TokenListItem().tokenId(token.tokenId()).exp(token.exp()).last4(token.last4())
            .state(CciState.valueOf(token.state().name())).tokenStorageId(token.tokenStorageId())
            .tokenRequestorId(token.tokenRequestorId()).walletProviderId(token.walletProviderId())
            .deviceInfo(token.deviceInfo()).creationDate(token.creationDate()));
      }
    }
    return new ListTokensRes().tokenList(items);
  }

  @Override
  public RequestReplenishmentRes requestReplenishment(String tokenId, RequestReplenishmentReq req,
      RequestContext context) {
    StoredToken token = vault.update(req.getIssuerId(), tokenId, current -> {
      requireActive(current);
      return current.withRepCounter(current.repCounter() + 1);
    });
    List<PaymentCredsDataItem> items = new ArrayList<>();
    for (PaymentCredStatus status : req.getPaymentCredsStatus()) {
      items.add(paymentCredentials.issue(status, req.getAtc()));
    }
    return new RequestReplenishmentRes().repCounter(String.valueOf(token.repCounter()))
        .usageLimits(new UsageLimits().maxPayments(10).expiryDate(LocalDate.now().plusDays(30).toString()))
        .paymentCredsData(items);
  }

  @Override
  public void replenishmentDone(String tokenId, ReplenishmentDoneReq req, RequestContext context) {
    StoredToken token = vault.get(req.getIssuerId(), tokenId);
    if (!String.valueOf(token.repCounter()).equals(req.getRepCounter())) {
      throw new TspErrorException(TspResponseCode.OPERATION_FAILED,
          "repCounter is not the last one issued");
    }
  }

  @Override
  public void submitNewTokenDataStatus(String tokenId, SubmitNewTokenDataStatus req, RequestContext context) {
    TokenStateMachine.requireLive(vault.get(req.getIssuerId(), tokenId).state());
  }

  @Override
  public void repersoToken(String tokenId, RepersoTokenReq req, RequestContext context) {
    // the body is optional: without it the token is looked up by its id alone
    String product = req == null ? null : req.getNewTokenProductId();
    vault.update(req == null ? null : req.getIssuerId(), tokenId, token -> {
      TokenStateMachine.requireLive(token.state());
      return product == null ? token : token.withProduct(product);
    });
  }

  @Override
  public ReplenishTokenRes replenishToken(String tokenId, ReplenishTokenReq req, RequestContext context) {
    // the body is optional: without it the token is looked up by its id alone
    requireActive(vault.get(req == null ? null : req.getIssuerId(), tokenId));
    return paymentCredentials.replenishToken();
  }

  @Override
  public void notifyReplenishTokenDone(String tokenId, NotifyReplenishTokenDone req, RequestContext context) {
    vault.get(req.getIssuerId(), tokenId);
  }

  @Override
  public CreateMerchantRes createMerchant(String merchantGatewayId, CreateMerchantReq req, RequestContext context) {
    return new CreateMerchantRes().merchantId(merchants.register(merchantGatewayId, req.getMerchantName()));
  }

  @Override
  public void healthCheck(RequestContext context) {
    // in memory: always healthy
  }

  private <T extends Payload> T open(String envelope, PayloadType<T> type, String field) {
    try {
      return cardInfoOpener.open(envelope, type);
    } catch (EnvelopeOpenException | InvalidPayloadException e) {
      throw new TspErrorException(TspResponseCode.BAD_PARAMETER_FORMAT, field + " could not be opened");
    }
  }

  private static void requireActive(StoredToken token) {
    if (token.state() != State.ACTIVE) {
      throw new TspErrorException(TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION,
          "Current token state " + token.state() + " does not allow this operation");
    }
  }

  /** A stable 29-character PAR per token, derived from its id (never from the PAN). */
  private static String par(StoredToken token) {
    String digits = Integer.toUnsignedString(token.tokenId().hashCode()) + "0000000000000000000000000";
    return "5001" + digits.substring(0, 25);
  }

  private static String orNone(String value) {
    return value != null ? value : NOT_APPLICABLE;
  }
}
