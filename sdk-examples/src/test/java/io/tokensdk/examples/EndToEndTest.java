package io.tokensdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.CofApiException;
import io.tokensdk.client.RequestOptions;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.FundingPanInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.crypto.payload.TokenPanInfo;
import io.tokensdk.crypto.raw.Kcv;
import io.tokensdk.examples.demo.DemoEnvironment;
import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.servers.SampleServers;
import io.tokensdk.testing.tsp.Luhn;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingState;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.cof.EventInitiator;
import io.tokensdk.model.cof.SelectedIdvMethod;
import io.tokensdk.model.pat.InitiatingChannel;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenIdentifiers;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenRequestor;
import io.tokensdk.model.pat.TokenState;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.model.tsp.CreateMerchantReq;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.NotifyReplenishTokenDone;
import io.tokensdk.model.tsp.PaymentCredAttr;
import io.tokensdk.model.tsp.PaymentCredStatus;
import io.tokensdk.model.tsp.RepersoTokenReq;
import io.tokensdk.model.tsp.ReplenishTokenReq;
import io.tokensdk.model.tsp.ReplenishTokenRes;
import io.tokensdk.model.tsp.ReplenishmentDoneReq;
import io.tokensdk.model.tsp.RequestReplenishmentReq;
import io.tokensdk.model.tsp.RequestReplenishmentRes;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.SubmitNewTokenDataStatus;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.model.tsp.UsageLimitsStatus;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the three specs through the typed clients against the sample servers, over real HTTP with mutual
 * TLS. A client listener records each operation that got a success answer; the last check walks the specs.
 */
class EndToEndTest {
  private static final String ISSUER = "ISSUER0001";
  private static final String FPAN = "5204731234564790";
  private static final Set<String> SUCCEEDED = ConcurrentHashMap.newKeySet();
  private static DemoKeys keys;
  private static SampleServers servers;
  private static TspClient tsp;
  private static CofNotificationClient cof;
  private static PatNotificationClient pat;

  @BeforeAll
  static void start() {
    keys = DemoKeys.generate();
    servers = SampleServers.startLocal(keys);
    tsp = new TspClient(config(servers.tspUrl()));
    cof = new CofNotificationClient(config(servers.cofUrl()));
    pat = new PatNotificationClient(config(servers.patUrl()));
  }

  private static ClientConfig config(String url) {
    return DemoEnvironment.mutualTls(keys).apply(ClientConfig.builder(url).apiKey(keys.apiKey())
        .listener(e -> {
          if (e.outcome() == io.tokensdk.client.AttemptEvent.Outcome.SUCCESS) {
            SUCCEEDED.add(e.spec() + " " + e.operationId());
          }
        })).build();
  }

  @AfterAll
  static void everyOperationWasExercised() {
    servers.close();
    Set<String> missing = new TreeSet<>();
    for (SpecId spec : SpecId.values()) {
      for (SpecOperation operation : ApiSpec.of(spec).operations()) {
        if (!SUCCEEDED.contains(spec + " " + operation.operationId())) {
          missing.add(spec + " " + operation.operationId());
        }
      }
    }
    assertEquals(Set.of(), missing, "operations not exercised end to end");
    assertEquals(17, SUCCEEDED.size());
  }

  @Test
  void aServiceUnavailableAnswerIsRetriedWithTheSameRequestId() {
    java.util.List<io.tokensdk.client.AttemptEvent> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
    TspClient observed = new TspClient(DemoEnvironment.mutualTls(keys).apply(ClientConfig.builder(servers.tspUrl())
        .listener(attempts::add)).build());
    servers.tspFaults().failNext(1);
    observed.healthCheck();
    assertEquals(java.util.List.of(503, 204), attempts.stream().map(e -> e.httpStatus()).toList());
    assertEquals(1, attempts.stream().map(e -> e.requestId()).distinct().count());
  }

  private static String seal(io.tokensdk.crypto.payload.Payload payload) {
    return CmsEnvelopeSealer.forRecipient(keys.cardInfo().certificate(), CmsKeyTransport.RSA_OAEP_SHA256)
        .seal(payload);
  }

  private static CreateTokenRes newToken(String cardRefId) {
    return tsp.createToken(new CreateTokenReq().issuerId(ISSUER).cardRefId(cardRefId).tokenRequestorId("40010030273")
        .cipheredCardInfo(seal(CardInfo.builder().fpan(FPAN).exp("1228").build())).initialState(InitialState.ACTIVE));
  }

  private static TspResponseCode errorOf(Runnable call) {
    TspApiException e = assertThrows(TspApiException.class, call::run);
    return e.responseCode().orElseThrow();
  }

  @Test
  void tokenLifecycle() {
    tsp.healthCheck();
    String cardRefId = "card-" + UUID.randomUUID();
    CreateTokenRes created = newToken(cardRefId);
    JweOpener opener = JweOpener.ecdhEs(new JWKSet(keys.requestor()));
    TokenData data = opener.open(created.getTokenInfo().getEncryptedData(), TokenData.TYPE);
    assertTrue(Luhn.isValid(data.dpan()));
    assertEquals(created.getTokenInfo().getLast4(), data.dpan().substring(12));
    String id = created.getTokenId();

    tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(ISSUER).newState(State.SUSPENDED));
    assertEquals(TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION, errorOf(() -> tsp.updateTokenState(id,
        new UpdateTokenStateReq().issuerId(ISSUER).newState(State.ERASED))));
    tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(ISSUER).newState(State.ACTIVE));
    tsp.updateToken(id, new UpdateTokenReq().issuerId(ISSUER).newCardRefId(cardRefId + "-2")
        .newCipheredCardInfo(seal(NewCardInfo.builder().newExp("0131").build())));

    assertEquals(1, tsp.listTokens(new ListTokensReq().issuerId(ISSUER).cardRefId(cardRefId + "-2"))
        .getTokenList().size());
    assertEquals(List.of(id), tsp.listTokens(new ListTokensReq().issuerId(ISSUER)
        .cipheredTokenInfo(seal(TokenPanInfo.of(data.dpan())))).getTokenList().stream().map(t -> t.getTokenId())
        .toList());
    assertTrue(tsp.listTokens(new ListTokensReq().issuerId(ISSUER).cipheredCardInfo(seal(FundingPanInfo.of(FPAN))))
        .getTokenList().stream().anyMatch(t -> t.getTokenId().equals(id)));

    TokenCredentials credentials = opener.open(tsp.getTokenCredentials(ISSUER, id).getEncryptedData(),
        TokenCredentials.TYPE);
    assertEquals(data.dpan(), credentials.dpan());
    assertEquals(FPAN, credentials.fpan());
    assertEquals("0131", credentials.fpanExp());

    tsp.repersoToken(id, new RepersoTokenReq().issuerId(ISSUER).newTokenProductId("PRODUCT-2"));
    tsp.submitNewTokenDataStatus(id, new SubmitNewTokenDataStatus().issuerId(ISSUER)
        .status(SubmitNewTokenDataStatus.StatusEnum.SUCCESS));

    tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(ISSUER).newState(State.DELETED));
    assertEquals(TspResponseCode.TOKEN_STATE_DOES_NOT_ALLOW_OPERATION,
        errorOf(() -> tsp.getTokenCredentials(ISSUER, id)));
    tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(ISSUER).newState(State.ERASED));
    assertTrue(tsp.listTokens(new ListTokensReq().issuerId(ISSUER).cardRefId(cardRefId + "-2")).getTokenList()
        .isEmpty());
  }

  @Test
  void unknownTokensAndIssuersGive119() {
    assertEquals(TspResponseCode.UNKNOWN_TOKEN, errorOf(() -> tsp.getTokenCredentials(ISSUER, "tok-nope")));
    assertEquals(TspResponseCode.UNKNOWN_TOKEN, errorOf(() -> tsp.updateTokenState("tok-nope",
        new UpdateTokenStateReq().issuerId(ISSUER).newState(State.ACTIVE))));
    String id = newToken("card-" + UUID.randomUUID()).getTokenId();
    assertEquals(TspResponseCode.UNKNOWN_TOKEN, errorOf(() -> tsp.getTokenCredentials("ISSUER0002", id)));
  }

  @Test
  void repersoAndReplenishTokenTakeTheirOptionalBodiesOrNone() {
    String id = newToken("card-" + UUID.randomUUID()).getTokenId();
    tsp.repersoToken(id, null);
    ReplenishTokenRes res = tsp.replenishToken(id, null);
    assertEquals(Kcv.of(keys.kek()), res.getKekKcv());
  }

  @Test
  void errorMessagesNeverEchoASubmittedValue() {
    String pan = "4111111111111111";
    TspApiException unknown = assertThrows(TspApiException.class, () -> tsp.updateTokenState(pan,
        new UpdateTokenStateReq().issuerId(ISSUER).newState(State.ACTIVE)));
    assertEquals(TspResponseCode.UNKNOWN_TOKEN, unknown.responseCode().orElseThrow());
    assertFalse(unknown.errorMessage().contains(pan), unknown.errorMessage());
    String id = newToken("card-" + UUID.randomUUID()).getTokenId();
    TspApiException counter = assertThrows(TspApiException.class,
        () -> tsp.replenishmentDone(id, new ReplenishmentDoneReq().issuerId(ISSUER).repCounter("98765")));
    assertFalse(counter.errorMessage().contains("98765"), counter.errorMessage());
  }

  @Test
  void anUnreadableCardInfoGives112() {
    assertEquals(TspResponseCode.BAD_PARAMETER_FORMAT, errorOf(() -> tsp.createToken(new CreateTokenReq()
        .issuerId(ISSUER).cardRefId("c").tokenRequestorId("40010030273").cipheredCardInfo("bm90LWNtcw=="))));
  }

  @Test
  void replenishment() {
    String id = newToken("card-" + UUID.randomUUID()).getTokenId();
    RequestReplenishmentRes res = tsp.requestReplenishment(id, new RequestReplenishmentReq().issuerId(ISSUER)
        .atc("00FF").lastRepCounter("0").usageLimitsStatus(new UsageLimitsStatus().paymentCredRemaining(0))
        .paymentCredsStatus(List.of(new PaymentCredStatus().diversifier("00FE").timestamp("2026-11-23T10:00:00")
            .paymentCredAttr(new PaymentCredAttr().type(PaymentCredAttr.TypeEnum.SUK)))));
    assertEquals("1", res.getRepCounter());
    assertEquals(List.of("0100"), res.getPaymentCredsData().get(0).getDiversifiers());
    tsp.replenishmentDone(id, new ReplenishmentDoneReq().issuerId(ISSUER).repCounter("1"));
    assertEquals(TspResponseCode.OPERATION_FAILED,
        errorOf(() -> tsp.replenishmentDone(id, new ReplenishmentDoneReq().issuerId(ISSUER).repCounter("7"))));

    ReplenishTokenRes keysRes = tsp.replenishToken(id, new ReplenishTokenReq().issuerId(ISSUER));
    assertEquals(Kcv.of(keys.kek()), keysRes.getKekKcv());
    assertEquals(DemoKeys.KEK_LABEL, keysRes.getKekLabel());
    tsp.notifyReplenishTokenDone(id, new NotifyReplenishTokenDone().issuerId(ISSUER));
  }

  @Test
  void merchantsGetElevenDigitIdsOncePerName() {
    String first = tsp.createMerchant("GATEWAY001", new CreateMerchantReq().merchantName("Corner Shop 42"))
        .getMerchantId();
    assertTrue(first.matches("[0-9]{11}") && Luhn.isValid(first), first);
    assertEquals(first, tsp.createMerchant("GATEWAY001", new CreateMerchantReq().merchantName("Corner Shop 42"))
        .getMerchantId());
    assertFalse(first.equals(tsp.createMerchant("GATEWAY001", new CreateMerchantReq().merchantName("Other"))
        .getMerchantId()));
  }

  @Test
  void cofNotificationsAreAuthenticatedAndDeduped() {
    BindingCreationNotification creation = new BindingCreationNotification().merchantId("m-1").tokenId("t-1")
        .deviceId("d-1").selectedIdvMethod(SelectedIdvMethod.OTP_EMAIL).creationTimestamp("2026-11-23T10:00:00Z");
    RequestOptions same = RequestOptions.builder().correlationId(UUID.randomUUID().toString()).build();
    int before = servers.cof().handledCount();
    cof.notifyBindingCreation(creation, same);
    cof.notifyBindingCreation(creation, same);
    assertEquals(before + 1, servers.cof().handledCount(), "a redelivered notification reached the handler");

    cof.notifyBindingUpdate(new BindingUpdateNotification().merchantId("m-1").tokenId("t-1").deviceId("d-1")
        .bindingState(BindingState.DELETED).eventInitiator(EventInitiator.TSP)
        .lastUpdateTimestamp("2026-11-23T11:00:00Z"));
    assertEquals("DELETED", servers.cof().binding("m-1", "t-1", "d-1").orElseThrow().state());

    CofNotificationClient wrongKey = new CofNotificationClient(DemoEnvironment.mutualTls(keys)
        .apply(ClientConfig.builder(servers.cofUrl()).apiKey("wrong-key")).build());
    assertEquals(401, assertThrows(CofApiException.class, () -> wrongKey.notifyBindingCreation(creation))
        .httpStatus());
  }

  @Test
  void patNotificationsOpenTheAccountNumber() {
    String sealed = JweSealer.rsaOaep256(keys.bank().toPublicJWK()).seal(AccountNumber.of(FPAN));
    assertEquals(StatusCode._0000, pat.notifyTokenProvisioned(new TokenProvisionedNotification()
        .token(new TokenIdentifiers().tokenReferenceId("REF-1")).tokenRequestor(new TokenRequestor()
            .tokenRequestorId("40010030273")).tokenState(TokenState.ACTIVE).encryptedRealAccountNumber(sealed)
        .provisionedTimestamp(OffsetDateTime.now())).getStatusCode());
    assertEquals("520473******4790", servers.pat().token("REF-1").orElseThrow().maskedAccountNumber());
    assertEquals(StatusCode._0000, pat.notifyTokenStateChanged(new TokenStateChangedNotification()
        .token(new TokenIdentifiers().tokenReferenceId("REF-1")).tokenRequestor(new TokenRequestor()
            .tokenRequestorId("40010030273")).tokenState(TokenState.DELETED).stateChangeReasonCode("INITIATED_BY_SYSTEM")
        .initiatingChannel(InitiatingChannel.BATCH).stateChangeTimestamp(OffsetDateTime.now())).getStatusCode());
    assertEquals("DELETED", servers.pat().token("REF-1").orElseThrow().state());
  }

  @Test
  void aClientWithoutCertificateIsRefused() {
    TspClient anonymous = new TspClient(ClientConfig.builder(servers.tspUrl())
        .trustedCertificates(List.of(keys.tlsCa().certificate())).build());
    assertThrows(io.tokensdk.client.TokenSdkException.class, anonymous::healthCheck);
  }
}
