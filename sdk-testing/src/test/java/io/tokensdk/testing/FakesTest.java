package io.tokensdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.ApiTimeoutException;
import io.tokensdk.client.CofApiException;
import io.tokensdk.model.cof.CofError;
import io.tokensdk.client.NetworkException;
import io.tokensdk.client.TlsException;
import io.tokensdk.client.PatApiException;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.SelectedIdvMethod;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenIdentifiers;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenRequestor;
import io.tokensdk.model.pat.TokenState;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.model.tsp.State;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fakes over real HTTPS with mutual TLS: what they answer, what they record, and every scripted fault. */
class FakesTest {
  @RegisterExtension
  static final TokenSdkFakes fakes = TokenSdkFakes.tls();

  private static CreateTokenReq createToken(SealedFixtures fixtures) {
    return new CreateTokenReq().issuerId("ISSUER0001").cardRefId("card-ref-1").tokenRequestorId("40010030273")
        .cipheredCardInfo(fixtures.cardInfo()).initialState(InitialState.ACTIVE);
  }

  @Test
  void theFakeTspIssuesTokensSealedToTheTestKeysAndRecordsTheRequest(FakeTsp tsp, SealedFixtures fixtures) {
    CreateTokenRes created = new TspClient(tsp.clientConfig().build()).createToken(createToken(fixtures));

    TokenData token = JweOpener.ecdhEs(tsp.keys().requestorKeys())
        .open(created.getTokenInfo().getEncryptedData(), TokenData.TYPE);
    assertTrue(token.dpan().endsWith(created.getTokenInfo().getLast4()));
    Received received = tsp.received().get(0);
    assertEquals("createToken", received.operationId());
    assertEquals("card-ref-1", received.body(CreateTokenReq.class).getCardRefId());
    assertTrue(received.requestId().isPresent());
  }

  @Test
  void aScripted503IsRetriedWithTheSameRequestId(FakeTsp tsp) {
    tsp.failNext(Fault.retryLater(Duration.ZERO));
    new TspClient(tsp.clientConfig().build()).healthCheck();

    List<Received> received = tsp.received();
    assertEquals(2, received.size());
    assertEquals(received.get(0).requestId(), received.get(1).requestId());
    assertEquals(0, tsp.pendingFaults());
  }

  @Test
  void aScriptedErrorCodeReachesTheCallerTypedAndIsNotRetried(FakeTsp tsp) {
    tsp.failNext(Fault.tspError(TspResponseCode.UNKNOWN_TOKEN));
    TspApiException e = assertThrows(TspApiException.class, () -> new TspClient(tsp.clientConfig().build())
        .updateTokenState("tok-1", new UpdateTokenStateReq().issuerId("ISSUER0001").newState(State.SUSPENDED)));

    assertEquals(TspResponseCode.UNKNOWN_TOKEN, e.responseCode().orElseThrow());
    assertEquals(1, tsp.received().size());
  }

  @Test
  void aHangEndsInTheClientsTimeoutAndTheNextRequestIsServed(FakeTsp tsp) {
    tsp.failNext(Fault.hang(Duration.ofSeconds(30)));
    TspClient client = new TspClient(tsp.clientConfig().readTimeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.NONE).build());

    assertThrows(ApiTimeoutException.class, client::healthCheck);
    client.healthCheck();
    assertEquals(1, tsp.received().size());
  }

  /** On plain HTTP: on TLS the client reports a new connection closed before any answer as a TLS refusal. */
  @Test
  void aResetIsANetworkFailureThatTheDefaultPolicyRetries(TestKeys keys) {
    try (FakeTsp tsp = new FakeTsp(keys, false)) {
      tsp.failNext(Fault.reset());
      assertThrows(NetworkException.class,
          () -> new TspClient(tsp.clientConfig().retryPolicy(RetryPolicy.NONE).build()).healthCheck());

      tsp.failNext(Fault.reset());
      new TspClient(tsp.clientConfig().build()).healthCheck();
      assertEquals(1, tsp.received().size());
    }
  }

  @Test
  void theFakeCofReceiverChecksTheApiKeyAndAnswersScriptedStatuses(FakeCofReceiver cof) {
    BindingCreationNotification binding = new BindingCreationNotification().merchantId("merchant-1")
        .tokenId("tok-1").deviceId("device-1").selectedIdvMethod(SelectedIdvMethod.OTP_SMS);
    cof.failNext(Fault.cofError(503));
    new CofNotificationClient(cof.clientConfig().build()).notifyBindingCreation(binding);   // 503, then 204

    cof.failNext(Fault.cofError(400));
    CofApiException refused = assertThrows(CofApiException.class,
        () -> new CofNotificationClient(cof.clientConfig().build()).notifyBindingCreation(binding));
    assertEquals(CofError.BAD_REQUEST, refused.error().orElseThrow());
    CofApiException unauthorized = assertThrows(CofApiException.class, () -> new CofNotificationClient(
        cof.clientConfig().apiKey("wrong-key").build()).notifyBindingCreation(binding));
    assertEquals(CofError.UNAUTHORIZED, unauthorized.error().orElseThrow());

    List<Received> received = cof.received();
    assertEquals(3, received.size());
    assertEquals(received.get(0).correlationId(), received.get(1).correlationId());
    assertTrue(received.get(0).correlationId().isPresent());
  }

  @Test
  void theFakePatReceiverOpensTheAccountNumberAndAnswersScriptedStatusCodes(FakePatReceiver pat,
      SealedFixtures fixtures) {
    PatNotificationClient client = new PatNotificationClient(pat.clientConfig().build());
    TokenProvisionedNotification provisioned = new TokenProvisionedNotification()
        .token(new TokenIdentifiers().tokenReferenceId("DNITHE302019110000000001"))
        .tokenRequestor(new TokenRequestor().tokenRequestorId("40010030273")).tokenState(TokenState.ACTIVE)
        .encryptedRealAccountNumber(fixtures.accountNumber()).provisionedTimestamp(OffsetDateTime.now());

    assertEquals(StatusCode._0000, client.notifyTokenProvisioned(provisioned).getStatusCode());
    assertEquals("411111******1111", pat.maskedAccountNumber("DNITHE302019110000000001").orElseThrow());

    pat.failNext(Fault.patError(StatusCode._1301));
    PatApiException e = assertThrows(PatApiException.class, () -> client.notifyTokenProvisioned(provisioned
        .messageId(null).conversationId(null)));
    assertEquals(StatusCode._1301, e.statusCode().orElseThrow());
  }

  @Test
  void anAccountNumberSealedToAnotherKeyIsAnswered1301(FakePatReceiver pat) {
    String foreign = new SealedFixtures(TestKeys.generate()).accountNumber();
    PatApiException e = assertThrows(PatApiException.class, () -> new PatNotificationClient(pat.clientConfig()
        .build()).notifyTokenProvisioned(new TokenProvisionedNotification()
        .token(new TokenIdentifiers().tokenReferenceId("DNITHE302019110000000002"))
        .tokenRequestor(new TokenRequestor().tokenRequestorId("40010030273")).tokenState(TokenState.ACTIVE)
        .encryptedRealAccountNumber(foreign).provisionedTimestamp(OffsetDateTime.now())));
    assertEquals(StatusCode._1301, e.statusCode().orElseThrow());
  }

  @Test
  void resetForgetsRequestsFaultsAndTokens(FakeTsp tsp, SealedFixtures fixtures) {
    new TspClient(tsp.clientConfig().build()).createToken(createToken(fixtures));
    tsp.failNext(Fault.reset());
    tsp.reset();

    assertEquals(List.of(), tsp.received());
    assertEquals(0, tsp.pendingFaults());
    new TspClient(tsp.clientConfig().build()).healthCheck();
  }
}
