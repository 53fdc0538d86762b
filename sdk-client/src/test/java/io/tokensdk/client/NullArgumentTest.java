package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Null arguments give a typed error that names the argument, and nothing reaches the server. */
class NullArgumentTest {
  @AutoClose
  private final MockWebServer server = Loopback.server();
  private TspClient tsp;

  @BeforeEach
  void start() {
    tsp = new TspClient(ClientConfig.builder(server.url("/tsp/trapi/v1.0").toString()).build());
  }

  @AfterEach
  void stop() {
    tsp.close();
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }

  private static UpdateTokenStateReq request() {
    return new UpdateTokenStateReq().issuerId(WireCases.ISSUER).newState(State.ACTIVE);
  }

  private static void namesIt(Class<? extends RuntimeException> type, String name, org.junit.jupiter.api.function.Executable call) {
    RuntimeException thrown = assertThrows(type, call);
    assertTrue(thrown.getMessage().contains(name), thrown.getMessage());
  }

  @Test
  void nullPathParametersAreRequestValidationErrorsNamingTheParameter() {
    namesIt(RequestValidationException.class, "tokenId", () -> tsp.updateTokenState(null, request()));
    namesIt(RequestValidationException.class, "tokenId",
        () -> tsp.getTokenCredentials(WireCases.ISSUER, null));
    namesIt(RequestValidationException.class, "issuerId", () -> tsp.getTokenCredentials(null, WireCases.TOKEN));
    namesIt(RequestValidationException.class, "merchantGatewayId",
        () -> tsp.createMerchant(null, new io.tokensdk.model.tsp.CreateMerchantReq().merchantName("m")));
    RequestValidationException thrown = assertThrows(RequestValidationException.class,
        () -> tsp.updateTokenState(null, request()));
    assertEquals("updateTokenState", thrown.operationId());
    assertEquals(0, thrown.attempts());
  }

  @Test
  void emptyAndDotPathValuesAreRefused() {
    namesIt(RequestValidationException.class, "tokenId", () -> tsp.updateTokenState("", request()));
    namesIt(RequestValidationException.class, "tokenId", () -> tsp.updateTokenState("..", request()));
    namesIt(RequestValidationException.class, "tokenId", () -> tsp.updateTokenState(".", request()));
  }

  @Test
  void aNullBodyIsARequestValidationError() {
    namesIt(RequestValidationException.class, "body", () -> tsp.updateTokenState(WireCases.TOKEN, null));
  }

  @Test
  void asyncCallsFailTheirFutureWithTheSameError() {
    ExecutionException thrown = assertThrows(ExecutionException.class,
        () -> tsp.updateTokenStateAsync(null, request()).get());
    assertInstanceOf(RequestValidationException.class, thrown.getCause());
    assertTrue(thrown.getCause().getMessage().contains("tokenId"));
  }

  @Test
  void nullOptionsConfigsAndKeysAreIllegalArgumentsNamingTheArgument() {
    namesIt(IllegalArgumentException.class, "options", () -> tsp.updateTokenState(WireCases.TOKEN, request(), null));
    namesIt(IllegalArgumentException.class, "config", () -> new TspClient(null));
    namesIt(IllegalArgumentException.class, "config", () -> new CofNotificationClient(null));
    namesIt(IllegalArgumentException.class, "config", () -> new PatNotificationClient(null));
    namesIt(IllegalArgumentException.class, "baseUrl", () -> ClientConfig.builder(null));
    ClientConfig.Builder builder = ClientConfig.builder("https://x.invalid/");
    namesIt(IllegalArgumentException.class, "keyStore", () -> builder.clientCertificate(null, new char[0]));
    namesIt(IllegalArgumentException.class, "certificateChainPem",
        () -> builder.clientCertificatePem(null, Path.of("k.pem")));
    namesIt(IllegalArgumentException.class, "privateKeyPem", () -> builder.clientCertificatePem(Path.of("c.pem"), null));
    namesIt(IllegalArgumentException.class, "certificates", () -> builder.trustedCertificates(null));
    namesIt(IllegalArgumentException.class, "pem", () -> builder.trustedCertificatesPem(null));
    namesIt(IllegalArgumentException.class, "trustManager", () -> builder.trustManager(null));
    namesIt(IllegalArgumentException.class, "apiKey", () -> builder.apiKey(null));
    namesIt(IllegalArgumentException.class, "client", () -> builder.httpClient(null));
    namesIt(IllegalArgumentException.class, "executor", () -> builder.executor(null));
    namesIt(IllegalArgumentException.class, "retryPolicy", () -> builder.retryPolicy(null));
    namesIt(IllegalArgumentException.class, "listener", () -> builder.listener(null));
    namesIt(IllegalArgumentException.class, "userAgent", () -> builder.userAgent(null));
  }
}
