package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.tsp.TspClient;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code getMessage()} alone tells the operation, the request id and the attempts; a 404 hints at the base path. */
@ExtendWith(SecretLog.class)
class ErrorMessageTest {
  @AutoClose
  private final MockWebServer server = Loopback.server();

  private TspClient tsp(String basePath) {
    return new TspClient(ClientConfig.builder(server.url(basePath).toString()).httpLog(SecretLog.sink())
        .retryPolicy(RetryPolicy.of(3, Duration.ZERO, Duration.ZERO)).build());
  }

  @Test
  void aWrongBasePathGivesA404WithAHint() {
    server.enqueue(new MockResponse().setResponseCode(404));
    TspApiException thrown = assertThrows(TspApiException.class, () -> tsp("/tsp/v1").updateTokenState(WireCases.TOKEN,
        new io.tokensdk.model.tsp.UpdateTokenStateReq().issuerId(WireCases.ISSUER)
            .newState(io.tokensdk.model.tsp.State.ACTIVE), RequestOptions.builder().requestId("req-404").build()));
    String message = thrown.getMessage();
    assertTrue(message.startsWith("updateTokenState: HTTP 404"), message);
    assertTrue(message.contains("requestId=req-404"), message);
    assertTrue(message.contains("1 attempt"), message);
    assertTrue(message.contains("/tsp/v1/tokens/tok-0001/state"), message);
    assertTrue(message.contains("base path (servers) is /tsp/trapi/v1.0"), message);
  }

  @Test
  void aRetriedFailureCountsItsAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }
    NetworkException thrown = assertThrows(NetworkException.class, () -> tsp("/tsp/trapi/v1.0").healthCheck());
    assertTrue(thrown.getMessage().startsWith("healthCheck: network failure"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("requestId=" + thrown.requestId() + ", 3 attempts"), thrown.getMessage());
  }

  @Test
  void noCardDataInMessages() {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":166,\"errorMessage\":\"Invalid FPAN "
        + SecretLog.PAN + " cvv 737\"}"));
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"t\",\"tokenInfo\":{\"fpan\":\"" + SecretLog.PAN + "\"}"));
    TspClient tsp = tsp("/tsp/trapi/v1.0");
    io.tokensdk.model.tsp.CreateTokenReq request = WireCases.model("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\","
        + "\"tokenRequestorId\":\"r\",\"cipheredCardInfo\":\"" + SecretLog.PAN + "\"}", io.tokensdk.model.tsp.CreateTokenReq.class);
    TspApiException rejected = assertThrows(TspApiException.class, () -> tsp.createToken(request));
    UnexpectedResponseException unexpected = assertThrows(UnexpectedResponseException.class, () -> tsp.createToken(request));
    RequestValidationException invalid = assertThrows(RequestValidationException.class, () -> tsp.createToken(
        new io.tokensdk.model.tsp.CreateTokenReq().issuerId(SecretLog.PAN)));
    for (TokenSdkException e : new TokenSdkException[] {rejected, unexpected, invalid}) {
      assertFalse(e.getMessage().contains(SecretLog.PAN), e.getMessage());
      assertFalse(e.toString().contains(SecretLog.PAN), e.toString());
      assertTrue(e.getMessage().contains("createToken"), e.getMessage());
      assertTrue(e.getMessage().contains("requestId="), e.getMessage());
    }
  }
}
