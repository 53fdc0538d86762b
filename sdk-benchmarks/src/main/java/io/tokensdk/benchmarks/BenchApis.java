package io.tokensdk.benchmarks;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.cof.CofNotificationHandler;
import io.tokensdk.server.tsp.TspHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The requests and the fixed-answer handlers the round-trip and JSON benchmarks use: realistic sizes, no work. */
final class BenchApis {
  /** A createToken body as the TSH sends it: ids and a sealed card info of realistic length. */
  static final String CREATE_TOKEN = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-ref-0001\","
      + "\"tokenRequestorId\":\"40010030273\",\"cipheredCardInfo\":\""
      + Base64.getEncoder().encodeToString(new byte[420]) + "\",\"initialState\":\"ACTIVE\"}";
  /** The createToken answer the handlers return, as JSON. */
  static final String CREATED = "{\"tokenId\":\"DNITHE302019110000000001\",\"tokenInfo\":{\"last4\":\"5678\","
      + "\"exp\":\"1229\",\"encryptedData\":\"" + "eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTI1NkdDTSJ9..aaaa.bbbb.cccc" + "\"}}";
  /** A COF binding-creation notification body. */
  static final String BINDING_CREATION = "{\"tokenId\":\"tok-1\",\"deviceId\":\"device-1\",\"merchantId\":\"merchant-1\","
      + "\"selectedIdvMethod\":\"OTP_SMS\"}";
  static final byte[] CREATE_TOKEN_BYTES = CREATE_TOKEN.getBytes(StandardCharsets.UTF_8);
  static final byte[] CREATED_BYTES = CREATED.getBytes(StandardCharsets.UTF_8);
  static final byte[] BINDING_CREATION_BYTES = BINDING_CREATION.getBytes(StandardCharsets.UTF_8);

  private BenchApis() {
  }

  /** A TSP that answers at once with fixed values. */
  static final class FixedTsp extends TspHandler {
    @Override
    public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) {
      return new CreateTokenRes().tokenId("DNITHE302019110000000001").tokenInfo(new TokenInfo().last4("5678")
          .exp("1229").encryptedData("eyJhbGciOiJFQ0RILUVTIiwiZW5jIjoiQTI1NkdDTSJ9..aaaa.bbbb.cccc"));
    }

    @Override
    public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) {
    }

    @Override
    public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) {
    }

    @Override
    public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx) {
      return new GetTokenCredentialsRes();
    }

    @Override
    public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
      return new ListTokensRes();
    }

    @Override
    public void healthCheck(RequestContext ctx) {
    }
  }

  /** A merchant that accepts every notification. */
  static final class AcceptingMerchant extends CofNotificationHandler {
    @Override
    public void notifyBindingCreation(BindingCreationNotification notification, RequestContext ctx) {
    }

    @Override
    public void notifyBindingUpdate(BindingUpdateNotification notification, RequestContext ctx) {
    }
  }
}
