package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Minimal valid requests for every operation of the three specs. */
final class Samples {
  static final String TOKEN_ID = "tok-123";
  static final String ISSUER_ID = "ISSUER0001";
  static final String MERCHANT_GATEWAY_ID = "MGW0000001";
  static final String API_KEY = "c03f88fe-01ba-11e8-ba89-0ed5f89f718b";

  private Samples() {
  }

  /** The path values used to fill the spec's path templates. */
  static final Map<String, String> PATH_VALUES =
      Map.of("tokenId", TOKEN_ID, "issuerId", ISSUER_ID, "merchantGatewayId", MERCHANT_GATEWAY_ID);

  /** A minimal valid body per operationId; absent for operations without a body. */
  static final Map<String, String> BODIES = Map.ofEntries(
      Map.entry("createToken", "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-1\",\"tokenRequestorId\":\"40010030273\"}"),
      Map.entry("updateToken", "{\"issuerId\":\"ISSUER0001\",\"newCipheredCardInfo\":\"MIAGCSqGSIb3DQEHA6CAMIACAQAx\"}"),
      Map.entry("updateTokenState", "{\"issuerId\":\"ISSUER0001\",\"newState\":\"SUSPENDED\"}"),
      Map.entry("requestReplenishment", "{\"issuerId\":\"ISSUER0001\",\"atc\":\"0001\",\"lastRepCounter\":\"1\","
          + "\"usageLimitsStatus\":{},\"paymentCredsStatus\":[{\"diversifier\":\"1\",\"paymentCredAttr\":{\"type\":\"LUK\"},"
          + "\"timestamp\":\"2026-11-23T12:00:00\"}]}"),
      Map.entry("replenishmentDone", "{\"issuerId\":\"ISSUER0001\",\"repCounter\":\"2\"}"),
      Map.entry("submitNewTokenDataStatus", "{\"issuerId\":\"ISSUER0001\",\"status\":\"SUCCESS\"}"),
      Map.entry("repersoToken", "{}"),
      Map.entry("listTokens", "{\"issuerId\":\"ISSUER0001\"}"),
      Map.entry("replenishToken", "{}"),
      Map.entry("notifyReplenishTokenDone", "{\"issuerId\":\"ISSUER0001\"}"),
      Map.entry("createMerchant", "{\"merchantName\":\"Shop 1\"}"),
      Map.entry("notifyBindingCreation", "{\"tokenId\":\"t1\",\"deviceId\":\"d1\",\"merchantId\":\"m1\","
          + "\"selectedIdvMethod\":\"OTP_SMS\"}"),
      Map.entry("notifyBindingUpdate", "{\"tokenId\":\"t1\",\"deviceId\":\"d1\",\"merchantId\":\"m1\","
          + "\"bindingState\":\"DELETED\",\"eventInitiator\":\"APP\"}"),
      Map.entry("notifyTokenProvisioned", provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString())),
      Map.entry("notifyTokenStateChanged", "{\"messageId\":\"" + UUID.randomUUID() + "\",\"conversationId\":\""
          + UUID.randomUUID() + "\",\"token\":{\"tokenReferenceId\":\"ref-1\"},"
          + "\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\"},\"tokenState\":\"SUSPENDED\","
          + "\"stateChangeReasonCode\":\"INITIATED_BY_REQUESTOR\",\"initiatingChannel\":\"API\","
          + "\"stateChangeTimestamp\":\"2026-11-23T12:15:32Z\"}"));

  /** A valid token-provisioned notification with these ids. */
  static String provisioned(String messageId, String conversationId) {
    return "{\"messageId\":\"" + messageId + "\",\"conversationId\":\"" + conversationId + "\","
        + "\"token\":{\"tokenReferenceId\":\"ref-1\"},\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\"},"
        + "\"tokenState\":\"ACTIVE\",\"encryptedRealAccountNumber\":\"aaa.bbb.ccc.ddd.eee\","
        + "\"provisionedTimestamp\":\"2026-11-23T12:15:32Z\"}";
  }

  /** A valid COF binding-creation notification. */
  static String bindingCreation() {
    return BODIES.get("notifyBindingCreation");
  }

  /** Sets {@code value} at {@code path}, creating the objects on the way. */
  static void set(JsonObject body, List<String> path, JsonElement value) {
    JsonObject node = body;
    for (String name : path.subList(0, path.size() - 1)) {
      JsonElement child = node.get(name);
      if (child == null || !child.isJsonObject()) {
        child = new JsonObject();
        node.add(name, child);
      }
      node = child.getAsJsonObject();
    }
    // A copy: generators hand out shared instances, and a later change must not make one contain itself.
    node.add(path.get(path.size() - 1), value.deepCopy());
  }
}
