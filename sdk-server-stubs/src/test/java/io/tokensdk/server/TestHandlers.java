package io.tokensdk.server;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.model.tsp.*;
import io.tokensdk.server.cof.CofNotificationHandler;
import io.tokensdk.server.pat.PatNotificationHandler;
import io.tokensdk.server.tsp.TspHandler;
import java.util.Map;

/** Handlers for the tests: every method records its call and does what the recorder says. */
final class TestHandlers {
  private TestHandlers() {
  }

  /** A TSP that implements only the abstract (core lifecycle) operations. */
  static class CoreTsp extends TspHandler {
    final Recorder recorder;

    CoreTsp(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) throws Exception {
      return recorder.call("createToken", Map.of(), req, ctx,
          new CreateTokenRes().tokenId("tok-1").tokenInfo(new TokenInfo()));
    }

    @Override
    public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) throws Exception {
      recorder.call("updateToken", Map.of("tokenId", tokenId), req, ctx, null);
    }

    @Override
    public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) throws Exception {
      recorder.call("updateTokenState", Map.of("tokenId", tokenId), req, ctx, null);
    }

    @Override
    public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx)
        throws Exception {
      return recorder.call("getTokenCredentials", Map.of("issuerId", issuerId, "tokenId", tokenId), null, ctx,
          new GetTokenCredentialsRes().encryptedData("eyJhbGciOi.x.y.z.w"));
    }

    @Override
    public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) throws Exception {
      return recorder.call("listTokens", Map.of(), req, ctx, new ListTokensRes());
    }

    @Override
    public void healthCheck(RequestContext ctx) throws Exception {
      recorder.call("healthCheck", Map.of(), null, ctx, null);
    }
  }

  /** A TSP that also implements every optional operation. */
  static final class FullTsp extends CoreTsp {
    FullTsp(Recorder recorder) {
      super(recorder);
    }

    @Override
    public RequestReplenishmentRes requestReplenishment(String tokenId, RequestReplenishmentReq req,
        RequestContext ctx) throws Exception {
      return recorder.call("requestReplenishment", Map.of("tokenId", tokenId), req, ctx,
          new RequestReplenishmentRes().repCounter("1").paymentCredsData(java.util.List.of()));
    }

    @Override
    public void replenishmentDone(String tokenId, ReplenishmentDoneReq req, RequestContext ctx) throws Exception {
      recorder.call("replenishmentDone", Map.of("tokenId", tokenId), req, ctx, null);
    }

    @Override
    public void submitNewTokenDataStatus(String tokenId, SubmitNewTokenDataStatus req, RequestContext ctx)
        throws Exception {
      recorder.call("submitNewTokenDataStatus", Map.of("tokenId", tokenId), req, ctx, null);
    }

    @Override
    public void repersoToken(String tokenId, RepersoTokenReq req, RequestContext ctx) throws Exception {
      recorder.call("repersoToken", Map.of("tokenId", tokenId), req, ctx, null);
    }

    @Override
    public ReplenishTokenRes replenishToken(String tokenId, ReplenishTokenReq req, RequestContext ctx)
        throws Exception {
      return recorder.call("replenishToken", Map.of("tokenId", tokenId), req, ctx, new ReplenishTokenRes());
    }

    @Override
    public void notifyReplenishTokenDone(String tokenId, NotifyReplenishTokenDone req, RequestContext ctx)
        throws Exception {
      recorder.call("notifyReplenishTokenDone", Map.of("tokenId", tokenId), req, ctx, null);
    }

    @Override
    public CreateMerchantRes createMerchant(String merchantGatewayId, CreateMerchantReq req, RequestContext ctx)
        throws Exception {
      return recorder.call("createMerchant", Map.of("merchantGatewayId", merchantGatewayId), req, ctx,
          new CreateMerchantRes().merchantId("M0000000001"));
    }
  }

  /** A COF receiver. */
  static final class Cof extends CofNotificationHandler {
    final Recorder recorder;

    Cof(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void notifyBindingCreation(BindingCreationNotification body, RequestContext ctx) throws Exception {
      recorder.call("notifyBindingCreation", Map.of(), body, ctx, null);
    }

    @Override
    public void notifyBindingUpdate(BindingUpdateNotification body, RequestContext ctx) throws Exception {
      recorder.call("notifyBindingUpdate", Map.of(), body, ctx, null);
    }
  }

  /** A PAT receiver. */
  static final class Pat extends PatNotificationHandler {
    final Recorder recorder;

    Pat(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public NotificationResponse notifyTokenProvisioned(TokenProvisionedNotification body, RequestContext ctx)
        throws Exception {
      return recorder.call("notifyTokenProvisioned", Map.of(), body, ctx, null);
    }

    @Override
    public NotificationResponse notifyTokenStateChanged(TokenStateChangedNotification body, RequestContext ctx)
        throws Exception {
      return recorder.call("notifyTokenStateChanged", Map.of(), body, ctx, null);
    }
  }
}
