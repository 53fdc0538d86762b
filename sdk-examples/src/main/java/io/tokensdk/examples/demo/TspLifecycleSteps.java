package io.tokensdk.examples.demo;

import static io.tokensdk.examples.demo.DemoFailure.expect;

import io.tokensdk.client.CallInfo;
import io.tokensdk.client.RequestOptions;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.crypto.PanMask;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.jwe.SignedJweOpener;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.crypto.payload.TokenPanInfo;
import io.tokensdk.crypto.raw.RawOpener;
import io.tokensdk.crypto.raw.RawWireParams;
import io.tokensdk.testing.tsp.Luhn;
import io.tokensdk.model.tsp.CciState;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.EncPaymentCredData;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.PaymentCredAttr;
import io.tokensdk.model.tsp.PaymentCredStatus;
import io.tokensdk.model.tsp.PaymentCredsDataItem;
import io.tokensdk.model.tsp.ReplenishmentDoneReq;
import io.tokensdk.model.tsp.RequestReplenishmentReq;
import io.tokensdk.model.tsp.RequestReplenishmentRes;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.TokenListItem;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.model.tsp.UsageLimitsStatus;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The TSP half of the demo: a token's lifecycle through the typed {@link TspClient}. */
final class TspLifecycleSteps {
  static final String ISSUER = "ISSUER0001";
  static final String REQUESTOR = "40010030273";
  /** A well-known test PAN, never a real card. */
  static final String TEST_FPAN = "4111111111111111";
  private final DemoEnvironment env;
  private final StepPrinter steps;
  private final TspClient tsp;
  private final CmsEnvelopeSealer cardSealer;
  private final JweOpener credentialsOpener;
  private final String cardRefId = "demo-card-" + UUID.randomUUID();
  private String tokenId;
  private String dpan;

  TspLifecycleSteps(DemoEnvironment env, StepPrinter steps) {
    this.env = env;
    this.steps = steps;
    this.tsp = new TspClient(env.config(env.tspUrl()));
    this.cardSealer = CmsEnvelopeSealer.forRecipient(env.cardInfoCert(), CmsKeyTransport.RSA_OAEP_SHA256);
    this.credentialsOpener = JweOpener.ecdhEs(env.requestorKeys());
  }

  void run() {
    steps.step("TSP healthCheck", () -> {
      tsp.healthCheck();
      return "204";
    });
    steps.step("createToken with sealed card info (CMS)", this::createToken);
    steps.step("suspend the token", () -> changeState(State.SUSPENDED, "21003"));
    steps.step("resume the token", () -> changeState(State.ACTIVE, "21004"));
    steps.step("updateToken with sealed new card info", this::updateCard);
    steps.step("listTokens by cardRefId", this::listByCardRef);
    steps.step("listTokens by sealed token PAN", this::listByDpan);
    steps.step("getTokenCredentials and open the JWE", this::credentials);
    steps.step("requestReplenishment (RAW + signed JWE)", this::replenish);
    steps.step("invalid transition ACTIVE -> ACTIVE gives 432", () -> expectError(
        () -> tsp.updateTokenState(tokenId, new UpdateTokenStateReq().issuerId(ISSUER).newState(State.ACTIVE)),
        TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION));
    steps.step("unknown token gives 119", () -> expectError(
        () -> tsp.getTokenCredentials(ISSUER, "tok-does-not-exist"), TspResponseCode.UNKNOWN_TOKEN));
    if (env.localTsp()) {
      steps.step("a 503 from the TSP is retried", this::retried);
    } else {
      steps.skip("a 503 from the TSP is retried", "needs the local sample TSP (fault injection)");
    }
    steps.step("delete the token; credentials then give 432", () -> {
      changeState(State.DELETED, "21002");
      return expectError(() -> tsp.getTokenCredentials(ISSUER, tokenId),
          TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION);
    });
  }

  /** The DPAN of the created token, for the notifications that follow. */
  String dpan() {
    return dpan;
  }

  private String createToken() {
    String sealed = cardSealer.seal(CardInfo.builder().fpan(TEST_FPAN).exp("1228").cvv("123").build());
    CreateTokenRes created = tsp.createToken(new CreateTokenReq().issuerId(ISSUER).cardRefId(cardRefId)
        .tokenRequestorId(REQUESTOR).walletProviderId("DEMO_WALLET").tokenStorageId("demo-device-1")
        .cipheredCardInfo(sealed).initialState(InitialState.ACTIVE));
    tokenId = created.getTokenId();
    TokenData data = credentialsOpener.open(created.getTokenInfo().getEncryptedData(), TokenData.TYPE);
    dpan = data.dpan();
    expect(Luhn.isValid(dpan), "the DPAN is not Luhn-valid");
    expect(dpan.endsWith(created.getTokenInfo().getLast4()), "last4 does not match the DPAN");
    expect(data.exp().equals(created.getTokenInfo().getExp()), "exp does not match the encrypted exp");
    return "card " + PanMask.mask(TEST_FPAN) + " (" + sealed.length() + " chars CMS) -> " + tokenId.substring(0, 12)
        + "..., DPAN " + PanMask.mask(dpan) + " exp " + data.exp();
  }

  private String changeState(State state, String reason) {
    tsp.updateTokenState(tokenId, new UpdateTokenStateReq().issuerId(ISSUER).newState(state).reason(reason));
    return "-> " + state;
  }

  private String updateCard() {
    tsp.updateToken(tokenId, new UpdateTokenReq().issuerId(ISSUER)
        .newCipheredCardInfo(cardSealer.seal(NewCardInfo.builder().newExp("1130").build())));
    return "new expiry sealed and accepted";
  }

  private String listByCardRef() {
    List<TokenListItem> items = tsp.listTokens(new ListTokensReq().issuerId(ISSUER).cardRefId(cardRefId))
        .getTokenList();
    expect(items != null && items.size() == 1, "expected 1 token for the card, got " + size(items));
    expect(items.get(0).getState() == CciState.ACTIVE, "expected ACTIVE, got " + items.get(0).getStateAsString());
    return "1 token, ACTIVE, last4 " + items.get(0).getLast4();
  }

  private String listByDpan() {
    List<TokenListItem> items = tsp.listTokens(new ListTokensReq().issuerId(ISSUER)
        .cipheredTokenInfo(cardSealer.seal(TokenPanInfo.of(dpan)))).getTokenList();
    expect(items != null && items.size() == 1 && tokenId.equals(items.get(0).getTokenId()),
        "expected exactly this token, got " + size(items));
    return "exactly 1 token";
  }

  private String credentials() {
    TokenCredentials credentials = credentialsOpener.open(
        tsp.getTokenCredentials(ISSUER, tokenId).getEncryptedData(), TokenCredentials.TYPE);
    expect(credentials.dpan().equals(dpan), "credentials carry another DPAN");
    expect(credentials.fpan().equals(TEST_FPAN), "credentials carry another funding PAN");
    expect("1130".equals(credentials.fpanExp()), "the updated funding expiry is missing");
    return "DPAN " + PanMask.mask(credentials.dpan()) + ", FPAN " + PanMask.mask(credentials.fpan()) + " exp "
        + credentials.fpanExp();
  }

  private String replenish() {
    String now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    RequestReplenishmentRes res = tsp.requestReplenishment(tokenId, new RequestReplenishmentReq().issuerId(ISSUER)
        .atc("0012").lastRepCounter("0").usageLimitsStatus(new UsageLimitsStatus().paymentRemaining(1))
        .paymentCredsStatus(List.of(
            status(PaymentCredAttr.TypeEnum.LUK, "6123401", now), status(PaymentCredAttr.TypeEnum.SUK, "0011", now))));
    expect(res.getPaymentCredsData().size() == 2, "expected 2 payment credentials");
    StringBuilder summary = new StringBuilder("repCounter " + res.getRepCounter());
    for (PaymentCredsDataItem item : res.getPaymentCredsData()) {
      summary.append(", ").append(item.getPaymentCredAttr().getTypeAsString()).append(' ')
          .append(item.getEncPaymentCredData().getEncTypeAsString()).append(' ').append(open(item));
    }
    tsp.replenishmentDone(tokenId, new ReplenishmentDoneReq().issuerId(ISSUER).repCounter(res.getRepCounter())
        .diversifiers(res.getPaymentCredsData().get(0).getDiversifiers()));
    return summary.append("; replenishmentDone").toString();
  }

  private String open(PaymentCredsDataItem item) {
    EncPaymentCredData data = item.getEncPaymentCredData();
    byte[] credential;
    if (data.getEncType() == EncPaymentCredData.EncTypeEnum.RAW) {
      if (env.kek() == null) {
        return "(not opened: no KEK)";
      }
      credential = RawOpener.forKey(env.kek()).open(data.getEncData(), RawWireParams.fromWire(data.getRawEncParams()));
    } else {
      if (env.tspSigners() == null) {
        return "(not opened: no TSP signing key)";
      }
      credential = SignedJweOpener.of(env.requestorKeys(), env.tspSigners()).open(data.getEncData());
    }
    expect(credential.length == 16, "a payment credential is not 16 bytes");
    java.util.Arrays.fill(credential, (byte) 0);
    return "opened (16 bytes)";
  }

  private String retried() {
    env.local().tspFaults().failNext(1);
    CallInfo info = new CallInfo();
    tsp.healthCheck(RequestOptions.builder().callInfo(info).build());
    expect(info.attempts() == 2, "expected 2 attempts, got " + info.attempts());
    return "503 Service Unavailable once, then 204: attempts=" + info.attempts();
  }

  private static String expectError(Runnable call, TspResponseCode expected) {
    try {
      call.run();
    } catch (TspApiException e) {
      expect(e.responseCode().orElse(null) == expected,
          "expected " + expected.code() + ", got " + e.rawResponseCode());
      return "TspApiException " + e.httpStatus() + " responseCode " + e.rawResponseCode() + " (" + expected
          + ")";
    }
    throw new DemoFailure("expected responseCode " + expected.code() + ", but the call succeeded");
  }

  private static PaymentCredStatus status(PaymentCredAttr.TypeEnum type, String diversifier, String timestamp) {
    return new PaymentCredStatus().diversifier(diversifier).timestamp(timestamp)
        .paymentCredAttr(new PaymentCredAttr().type(type));
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
