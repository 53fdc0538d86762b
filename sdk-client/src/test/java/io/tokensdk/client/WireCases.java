package io.tokensdk.client;

import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.model.tsp.CreateMerchantReq;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.NotifyReplenishTokenDone;
import io.tokensdk.model.tsp.RepersoTokenReq;
import io.tokensdk.model.tsp.ReplenishTokenReq;
import io.tokensdk.model.tsp.ReplenishmentDoneReq;
import io.tokensdk.model.tsp.RequestReplenishmentReq;
import io.tokensdk.model.tsp.SubmitNewTokenDataStatus;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import java.util.List;

/** One {@link WireCase} per operation of the three specs; requests are built from their JSON so the two agree. */
final class WireCases {
  static final String ISSUER = "ISSUER0001";
  static final String TOKEN = "tok-0001";
  static final String CMS = "MIAGCSqGSIb3DQEHA6CAMIACAQAxggEwMIIBLAIBADCBkzB-sealed-card-info";
  static final String JWE = "eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTI1NkdDTSJ9..iv.ciphertext.tag";
  static final String MESSAGE_ID = "6fdf4f09-7fbb-48ae-be1e-ac412a2949a7";
  static final String CONVERSATION_ID = "aa3a5f54-6eb2-4714-aea3-9f525353cbd7";

  private WireCases() {}

  static <T> T model(String json, Class<T> type) {
    return TokenSdkJson.parse(json, type);
  }

  static List<WireCase> all() {
    String createToken = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-ref-1\",\"cipheredCardInfo\":\"" + CMS + "\","
        + "\"tokenRequestorId\":\"40010030273\",\"deviceInfo\":{\"deviceName\":\"Kim's phone\",\"type\":\"PHONE\"},"
        + "\"initialState\":\"ACTIVE\"}";
    String updateToken = "{\"issuerId\":\"ISSUER0001\",\"newCipheredCardInfo\":\"" + CMS + "\"}";
    String updateState = "{\"issuerId\":\"ISSUER0001\",\"newState\":\"SUSPENDED\",\"reason\":\"21003\"}";
    String requestReplenishment = "{\"issuerId\":\"ISSUER0001\",\"atc\":\"0012\",\"usageLimitsStatus\":{\"paymentRemaining\":3},"
        + "\"paymentCredsStatus\":[{\"diversifier\":\"0011\",\"timestamp\":\"2026-11-23T10:00:00\","
        + "\"paymentCredAttr\":{\"type\":\"LUK\"}}],\"lastRepCounter\":\"7\"}";
    String replenishmentDone = "{\"issuerId\":\"ISSUER0001\",\"repCounter\":\"8\",\"diversifiers\":[\"0012\"]}";
    String newDataStatus = "{\"issuerId\":\"ISSUER0001\",\"status\":\"FAILED\",\"error\":{\"responseCode\":911}}";
    String reperso = "{\"issuerId\":\"ISSUER0001\",\"newTokenProductId\":\"PRODUCT-2\"}";
    String listTokens = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-ref-1\"}";
    String replenish = "{\"issuerId\":\"ISSUER0001\"}";
    String replenishDone = "{\"issuerId\":\"ISSUER0001\"}";
    String createMerchant = "{\"merchantName\":\"Corner Shop 42\"}";
    String bindingCreation = "{\"tokenId\":\"tok-0001\",\"deviceId\":\"device-1\",\"deviceType\":\"PHONE\",\"appType\":\"IOS\","
        + "\"selectedIdvMethod\":\"OTP_SMS\",\"merchantId\":\"merchant-1\",\"creationTimestamp\":\"2026-11-23T10:00:00Z\"}";
    String bindingUpdate = "{\"tokenId\":\"tok-0001\",\"deviceId\":\"device-1\",\"bindingState\":\"DELETED\","
        + "\"merchantId\":\"merchant-1\",\"eventInitiator\":\"APP\",\"lastUpdateTimestamp\":\"2026-11-23T11:00:00Z\"}";
    String provisioned = "{\"messageId\":\"" + MESSAGE_ID + "\",\"conversationId\":\"" + CONVERSATION_ID + "\","
        + "\"token\":{\"tokenReferenceId\":\"DNITHE302019110000000001\",\"tokenLast4\":\"0001\"},"
        + "\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\",\"rootTokenRequestorId\":\"40010030270\"},"
        + "\"tokenState\":\"ACTIVE\",\"initiatingChannel\":\"API\",\"encryptedRealAccountNumber\":\"aGVhZGVy.a2V5.aXY.Y2lwaGVy.dGFn\","
        + "\"tokenRestrictions\":{\"maxTransactionAmount\":{\"value\":\"250.00\",\"currencyCode\":\"EUR\"},"
        + "\"allowedMerchantCategoryCodes\":[\"5411\"]},\"provisionedTimestamp\":\"2026-11-23T10:00:00Z\"}";
    String changed = "{\"messageId\":\"" + MESSAGE_ID + "\",\"conversationId\":\"" + CONVERSATION_ID + "\","
        + "\"token\":{\"tokenReferenceId\":\"DNITHE302019110000000001\"},\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\"},"
        + "\"tokenState\":\"SUSPENDED\",\"previousTokenState\":\"ACTIVE\",\"stateChangeReasonCode\":\"INITIATED_BY_FINANCIAL_INSTITUTION\","
        + "\"initiatingChannel\":\"CUSTOMER_SERVICE_PORTAL\",\"stateChangeTimestamp\":\"2026-11-23T11:00:00Z\"}";
    String patOk = "{\"messageId\":\"" + MESSAGE_ID + "\",\"conversationId\":\"" + CONVERSATION_ID + "\","
        + "\"statusCode\":\"0000\",\"statusMessage\":\"Success.\",\"stateChangeReasonCode\":\"INITIATED_BY_REQUESTOR\"}";
    String tsp = "/tsp/trapi/v1.0";
    return List.of(
        new WireCase("createToken", (c, o) -> c.tsp().createToken(model(createToken, CreateTokenReq.class), o),
            "POST", tsp + "/tokens", createToken, 200,
            "{\"tokenId\":\"tok-0001\",\"tokenInfo\":{\"exp\":\"1229\",\"last4\":\"0001\",\"encryptedData\":\"" + JWE + "\"}}"),
        new WireCase("updateToken", (c, o) -> {
          c.tsp().updateToken(TOKEN, model(updateToken, UpdateTokenReq.class), o);
          return null;
        }, "PUT", tsp + "/tokens/tok-0001/cardInfo", updateToken, 204, null),
        new WireCase("updateTokenState", (c, o) -> {
          c.tsp().updateTokenState(TOKEN, model(updateState, UpdateTokenStateReq.class), o);
          return null;
        }, "PUT", tsp + "/tokens/tok-0001/state", updateState, 204, null),
        new WireCase("getTokenCredentials", (c, o) -> c.tsp().getTokenCredentials(ISSUER, TOKEN, o),
            "GET", tsp + "/issuers/ISSUER0001/tokens/tok-0001/credentials", null, 200, "{\"encryptedData\":\"" + JWE + "\"}"),
        new WireCase("requestReplenishment",
            (c, o) -> c.tsp().requestReplenishment(TOKEN, model(requestReplenishment, RequestReplenishmentReq.class), o),
            "POST", tsp + "/tokens/tok-0001/replenishment", requestReplenishment, 200,
            "{\"repCounter\":\"8\",\"paymentCredsData\":[{\"encPaymentCredData\":{\"encType\":\"RAW\",\"encData\":\"AAEC\","
                + "\"rawEncParams\":{\"algo\":\"AES\",\"mode\":\"CBC\",\"iv\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}},"
                + "\"paymentCredAttr\":{\"type\":\"LUK\"},\"diversifiers\":[\"0012\"]}]}"),
        new WireCase("replenishmentDone", (c, o) -> {
          c.tsp().replenishmentDone(TOKEN, model(replenishmentDone, ReplenishmentDoneReq.class), o);
          return null;
        }, "PUT", tsp + "/tokens/tok-0001/replenishment/status", replenishmentDone, 204, null),
        new WireCase("submitNewTokenDataStatus", (c, o) -> {
          c.tsp().submitNewTokenDataStatus(TOKEN, model(newDataStatus, SubmitNewTokenDataStatus.class), o);
          return null;
        }, "PUT", tsp + "/tokens/tok-0001/newData/status", newDataStatus, 204, null),
        new WireCase("healthCheck", (c, o) -> {
          c.tsp().healthCheck(o);
          return null;
        }, "GET", tsp + "/healthCheck", null, 204, null),
        new WireCase("repersoToken", (c, o) -> {
          c.tsp().repersoToken(TOKEN, model(reperso, RepersoTokenReq.class), o);
          return null;
        }, "POST", tsp + "/tokens/tok-0001/reperso", reperso, 204, null),
        new WireCase("listTokens", (c, o) -> c.tsp().listTokens(model(listTokens, ListTokensReq.class), o),
            "POST", tsp + "/listTokens", listTokens, 200,
            "{\"tokenList\":[{\"tokenId\":\"tok-0001\",\"exp\":\"1229\",\"last4\":\"0001\",\"state\":\"ACTIVE\","
                + "\"tokenStorageId\":\"SE-1\",\"tokenRequestorId\":\"40010030273\",\"walletProviderId\":\"APPLE_PAY\","
                + "\"creationDate\":\"2026-11-23T10:00:00Z\"}]}"),
        new WireCase("replenishToken", (c, o) -> c.tsp().replenishToken(TOKEN, model(replenish, ReplenishTokenReq.class), o),
            "POST", tsp + "/tokens/tok-0001/replenish", replenish, 200,
            "{\"kekLabel\":\"KEK-1\",\"kekKcv\":\"8A8B8C\",\"paymentKeys\":\"[]\"}"),
        new WireCase("notifyReplenishTokenDone", (c, o) -> {
          c.tsp().notifyReplenishTokenDone(TOKEN, model(replenishDone, NotifyReplenishTokenDone.class), o);
          return null;
        }, "PUT", tsp + "/tokens/tok-0001/replenish/done", replenishDone, 204, null),
        new WireCase("createMerchant",
            (c, o) -> c.tsp().createMerchant("GATEWAY001", model(createMerchant, CreateMerchantReq.class), o),
            "POST", tsp + "/merchant-gateways/GATEWAY001/merchants", createMerchant, 200, "{\"merchantId\":\"40010030273\"}"),
        new WireCase("notifyBindingCreation", (c, o) -> {
          c.cof().notifyBindingCreation(model(bindingCreation, BindingCreationNotification.class), o);
          return null;
        }, "POST", "/tsh-cof/notify-binding-creation", bindingCreation, 204, null),
        new WireCase("notifyBindingUpdate", (c, o) -> {
          c.cof().notifyBindingUpdate(model(bindingUpdate, BindingUpdateNotification.class), o);
          return null;
        }, "POST", "/tsh-cof/notify-binding-update", bindingUpdate, 204, null),
        new WireCase("notifyTokenProvisioned",
            (c, o) -> c.pat().notifyTokenProvisioned(model(provisioned, TokenProvisionedNotification.class), o),
            "POST", "/pat/token/state/provisioned", provisioned, 200, patOk),
        new WireCase("notifyTokenStateChanged",
            (c, o) -> c.pat().notifyTokenStateChanged(model(changed, TokenStateChangedNotification.class), o),
            "POST", "/pat/token/state/changed", changed, 200, patOk));
  }
}
