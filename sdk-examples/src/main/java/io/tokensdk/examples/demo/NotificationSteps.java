package io.tokensdk.examples.demo;

import static io.tokensdk.examples.demo.DemoFailure.expect;

import io.tokensdk.client.RequestOptions;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.crypto.PanMask;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.model.cof.AppType;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingState;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.cof.DeviceType;
import io.tokensdk.model.cof.EventInitiator;
import io.tokensdk.model.cof.SelectedIdvMethod;
import io.tokensdk.model.pat.InitiatingChannel;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenIdentifiers;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenRequestor;
import io.tokensdk.model.pat.TokenState;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The notification half of the demo: COF binding notifications to a merchant, PAT notifications to a bank. */
final class NotificationSteps {
  private static final String MERCHANT = "demo-merchant-1";
  private static final String DEVICE = "demo-device-1";
  private final DemoEnvironment env;
  private final StepPrinter steps;
  private final CofNotificationClient cof;
  private final PatNotificationClient pat;

  NotificationSteps(DemoEnvironment env, StepPrinter steps) {
    this.env = env;
    this.steps = steps;
    this.cof = new CofNotificationClient(env.config(env.cofUrl()));
    this.pat = new PatNotificationClient(env.config(env.patUrl()));
  }

  void run(String tokenId, String accountNumber) {
    steps.step("COF binding creation, delivered twice", () -> bindingCreation(tokenId));
    steps.step("COF binding update", () -> {
      cof.notifyBindingUpdate(new BindingUpdateNotification().merchantId(MERCHANT).tokenId(tokenId).deviceId(DEVICE)
          .bindingState(BindingState.DELETED).eventInitiator(EventInitiator.APP).lastUpdateTimestamp(now()));
      return "204, binding DELETED";
    });
    String reference = "DNITHE" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
    steps.step("PAT token provisioned (sealed account number)", () -> provisioned(reference, accountNumber));
    steps.step("PAT token state changed", () -> {
      NotificationResponse res = pat.notifyTokenStateChanged(new TokenStateChangedNotification()
          .token(new TokenIdentifiers().tokenReferenceId(reference))
          .tokenRequestor(new TokenRequestor().tokenRequestorId(TspLifecycleSteps.REQUESTOR))
          .tokenState(TokenState.SUSPENDED).previousTokenState(TokenState.ACTIVE)
          .stateChangeReasonCode("INITIATED_BY_FINANCIAL_INSTITUTION").initiatingChannel(InitiatingChannel.API)
          .stateChangeTimestamp(OffsetDateTime.now(ZoneOffset.UTC)));
      expect(res.getStatusCode() == StatusCode._0000, "expected statusCode 0000, got " + res.getStatusCodeAsString());
      return "statusCode 0000, ACTIVE -> SUSPENDED";
    });
  }

  private String bindingCreation(String tokenId) {
    BindingCreationNotification notification = new BindingCreationNotification().merchantId(MERCHANT)
        .tokenId(tokenId).deviceId(DEVICE).deviceType(DeviceType.PHONE).appType(AppType.ANDROID)
        .selectedIdvMethod(SelectedIdvMethod.OTP_SMS).creationTimestamp(now());
    RequestOptions sameDelivery = RequestOptions.builder().correlationId(UUID.randomUUID().toString()).build();
    int before = env.localCof() ? env.local().cof().handledCount() : 0;
    cof.notifyBindingCreation(notification, sameDelivery);
    cof.notifyBindingCreation(notification, sameDelivery);
    if (!env.localCof()) {
      return "204 twice (APIKEY accepted)";
    }
    int handled = env.local().cof().handledCount() - before;
    expect(handled == 1, "the receiver handled the notification " + handled + " times");
    return "204 twice, handled once (deduped by x-correlation-id)";
  }

  private String provisioned(String reference, String accountNumber) {
    String sealed = JweSealer.rsaOaep256(env.bankPublicKey()).seal(AccountNumber.of(accountNumber));
    NotificationResponse res = pat.notifyTokenProvisioned(new TokenProvisionedNotification()
        .token(new TokenIdentifiers().tokenReferenceId(reference).tokenLast4("0001"))
        .tokenRequestor(new TokenRequestor().tokenRequestorId(TspLifecycleSteps.REQUESTOR))
        .tokenState(TokenState.ACTIVE).initiatingChannel(InitiatingChannel.API).encryptedRealAccountNumber(sealed)
        .provisionedTimestamp(OffsetDateTime.now(ZoneOffset.UTC)));
    expect(res.getStatusCode() == StatusCode._0000, "expected statusCode 0000, got " + res.getStatusCodeAsString());
    if (!env.localPat()) {
      return "statusCode 0000";
    }
    String kept = env.local().pat().token(reference).orElseThrow(() -> new DemoFailure("bank kept nothing"))
        .maskedAccountNumber();
    expect(PanMask.mask(accountNumber).equals(kept), "the bank opened another account number");
    return "statusCode 0000; bank opened it and kept " + kept;
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
