package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation of the three specs, over real HTTP to MockWebServer: the exact request, and every documented answer. */
@ExtendWith(SecretLog.class)
class ClientWireTest {
  @AutoClose
  private final MockWebServer server = Loopback.server();
  private Clients clients;

  @BeforeEach
  void start() {
    clients = Clients.against(server, b -> b.retryPolicy(RetryPolicy.NONE));
  }

  static Stream<WireCase> cases() {
    return WireCases.all().stream();
  }

  @Test
  void everyOperationOfEverySpecHasACaseAndAClientMethod() throws Exception {
    List<String> specOperations = new ArrayList<>();
    for (SpecId id : SpecId.values()) {
      Class<?> client = Class.forName(clientClassName(id));
      for (SpecOperation operation : ApiSpec.of(id).operations()) {
        specOperations.add(operation.operationId());
        assertTrue(Stream.of(client.getMethods()).anyMatch(m -> m.getName().equals(operation.operationId())),
            () -> client.getSimpleName() + " has no method " + operation.operationId());
        assertTrue(Stream.of(client.getMethods()).anyMatch(m -> m.getName().equals(operation.operationId() + "Async")),
            () -> client.getSimpleName() + " has no method " + operation.operationId() + "Async");
      }
    }
    assertEquals(17, specOperations.size());
    assertEquals(specOperations.stream().sorted().toList(), cases().map(WireCase::operationId).sorted().toList());
  }

  private static String clientClassName(SpecId id) {
    return switch (id) {
      case TSP -> "io.tokensdk.client.tsp.TspClient";
      case COF -> "io.tokensdk.client.cof.CofNotificationClient";
      case PAT -> "io.tokensdk.client.pat.PatNotificationClient";
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sendsExactlyTheSpecifiedRequestAndParsesTheAnswer(WireCase wire) throws Exception {
    MockResponse answer = new MockResponse().setResponseCode(wire.successStatus());
    if (wire.responseJson() != null) {
      answer.setHeader("Content-Type", "application/json").setBody(wire.responseJson());
    }
    server.enqueue(answer);
    CallInfo info = new CallInfo();
    RequestOptions options = RequestOptions.builder().requestId("req-42").correlationId("corr-42").callInfo(info).build();

    Object result = wire.call().apply(clients, options);

    RecordedRequest request = server.takeRequest();
    assertEquals(wire.method(), request.getMethod());
    assertEquals(wire.path(), request.getPath());
    assertTrue(request.getHeader("User-Agent").startsWith("tokensdk-java/"));
    assertEquals("application/json", request.getHeader("Accept"));
    SpecId spec = specOf(wire.path());
    switch (spec) {
      case TSP -> assertEquals("req-42", request.getHeader("x-request-id"));
      case COF -> {
        assertEquals("corr-42", request.getHeader("x-correlation-id"));
        assertEquals("APIKEY " + SecretLog.API_KEY, request.getHeader("authorization"));
      }
      case PAT -> assertNull(request.getHeader("x-request-id"));
    }
    if (wire.requestJson() == null) {
      assertEquals(0, request.getBodySize());
    } else {
      assertEquals("application/json; charset=utf-8", request.getHeader("Content-Type"));
      assertEquals(JsonParser.parseString(wire.requestJson()), JsonParser.parseString(request.getBody().readUtf8()));
    }
    if (wire.responseJson() == null) {
      assertNull(result);
    } else {
      assertEquals(JsonParser.parseString(wire.responseJson()), TokenSdkJson.toTree(result));
    }
    assertEquals(1, info.attempts());
    assertEquals(wire.successStatus(), info.httpStatus());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesAFreshIdPerCall(WireCase wire) throws Exception {
    SpecId spec = specOf(wire.path());
    for (int i = 0; i < 2; i++) {
      MockResponse answer = new MockResponse().setResponseCode(wire.successStatus());
      if (wire.responseJson() != null) {
        answer.setBody(wire.responseJson());
      }
      server.enqueue(answer);
    }
    CallInfo first = new CallInfo();
    CallInfo second = new CallInfo();
    wire.call().apply(clients, RequestOptions.builder().callInfo(first).build());
    wire.call().apply(clients, RequestOptions.builder().callInfo(second).build());
    RecordedRequest one = server.takeRequest();
    server.takeRequest();
    if (spec == SpecId.PAT) {
      // The caller chose the messageId; the client keeps it.
      assertEquals(WireCases.MESSAGE_ID, first.requestId());
      return;
    }
    String header = spec == SpecId.TSP ? "x-request-id" : "x-correlation-id";
    assertEquals(first.requestId(), one.getHeader(header));
    UUID.fromString(first.requestId());
    assertTrue(!first.requestId().equals(second.requestId()), "each call gets its own id");
  }

  static Stream<Arguments> errorAnswers() {
    List<Arguments> out = new ArrayList<>();
    for (WireCase wire : WireCases.all()) {
      SpecOperation operation = ApiSpec.of(specOf(wire.path())).operation(wire.operationId()).orElseThrow();
      for (int status : operation.responseStatuses()) {
        if (status >= 400) {
          out.add(Arguments.of(wire, status));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} answers {1}")
  @MethodSource("errorAnswers")
  void mapsEveryDocumentedErrorAnswerToATypedException(WireCase wire, int status) {
    SpecId spec = specOf(wire.path());
    MockResponse answer = new MockResponse().setResponseCode(status);
    switch (spec) {
      case TSP -> {
        if (status == 400) {
          answer.setBody("{\"responseCode\":119,\"errorMessage\":\"Unknown Token\",\"extra\":\"ignored\"}");
        }
      }
      case COF -> {
        if (status == 429 || status == 503) {
          answer.setHeader("Retry-After", "7");
        }
      }
      case PAT -> answer.setBody("{\"messageId\":\"" + WireCases.MESSAGE_ID + "\",\"conversationId\":\""
          + WireCases.CONVERSATION_ID + "\",\"statusCode\":\"" + (status == 400 ? "1301" : "1399")
          + "\",\"statusMessage\":\"x\"}");
    }
    server.enqueue(answer);

    TokenSdkException thrown = assertThrows(TokenSdkException.class, () -> wire.call().apply(clients, RequestOptions.none()));

    ApiException api = assertInstanceOf(ApiException.class, thrown);
    assertEquals(status, api.httpStatus());
    assertEquals(1, api.attempts());
    assertEquals(wire.operationId(), api.operationId());
    switch (spec) {
      case TSP -> {
        TspApiException tsp = assertInstanceOf(TspApiException.class, api);
        if (status == 400) {
          assertEquals(TspResponseCode.UNKNOWN_TOKEN, tsp.responseCode().orElseThrow());
          assertEquals(119, tsp.rawResponseCode());
          assertEquals("Unknown Token", tsp.errorMessage());
          assertTrue(!tsp.retryable());
        } else {
          assertNull(tsp.rawResponseCode());
          assertTrue(tsp.retryable(), "500 and 503 mean retry possible");
        }
        assertNotNull(tsp.requestId());
      }
      case COF -> {
        CofApiException cof = assertInstanceOf(CofApiException.class, api);
        assertEquals(CofError.of(status), cof.error());
        assertEquals(status, cof.error().orElseThrow().httpStatus());
        assertEquals(status == 429 || status >= 500, cof.retryable());
        if (status == 429 || status == 503) {
          assertEquals(Duration.ofSeconds(7), cof.retryAfter().orElseThrow());
        }
      }
      case PAT -> {
        PatApiException pat = assertInstanceOf(PatApiException.class, api);
        assertEquals(status == 400 ? StatusCode._1301 : StatusCode._1399, pat.statusCode().orElseThrow());
        assertEquals(WireCases.MESSAGE_ID, pat.envelope().orElseThrow().getMessageId().toString());
        assertTrue(!pat.retryable(), "1301 and 1399 are not retryable");
      }
    }
  }

  @Test
  void tspErrorWithACodeUnknownToThisVersionStaysReadable() {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":777,\"errorMessage\":\"new\"}"));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients.tsp().healthCheck());
    assertTrue(thrown.responseCode().isEmpty());
    assertEquals(777, thrown.rawResponseCode());
    assertTrue(thrown.getMessage().contains("777"));
  }

  @Test
  void unknownFieldsAndEnumValuesInAnswersAreKept() {
    server.enqueue(new MockResponse().setBody("{\"tokenList\":[{\"tokenId\":\"t\",\"exp\":\"1229\",\"last4\":\"0001\","
        + "\"state\":\"HIBERNATING\",\"tokenStorageId\":\"s\",\"tokenRequestorId\":\"r\",\"walletProviderId\":\"w\","
        + "\"newField\":{\"cvv\":\"737\"}}]}"));
    var answer = clients.tsp().listTokens(new io.tokensdk.model.tsp.ListTokensReq().issuerId(WireCases.ISSUER));
    var item = answer.getTokenList().get(0);
    assertEquals(io.tokensdk.model.tsp.CciState.UNKNOWN_TO_SDK_VERSION, item.getState());
    assertEquals("HIBERNATING", item.getStateAsString());
  }

  @Test
  void answersAreDecodedAsTheirContentTypeSays() {
    String json = "{\"tokenList\":[{\"tokenId\":\"t\",\"exp\":\"1229\",\"last4\":\"0001\",\"state\":\"ACTIVE\","
        + "\"tokenStorageId\":\"s\",\"tokenRequestorId\":\"r\",\"walletProviderId\":\"Wallet \u00e9\u20ac\"}]}";
    byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    String[] contentTypes = {"application/json", "application/json; charset=UTF-8", "application/json", null,
        "application/json; charset=UTF-16BE"};
    byte[][] bodies = {utf8, utf8, bom, utf8, json.getBytes(java.nio.charset.StandardCharsets.UTF_16BE)};
    for (int i = 0; i < bodies.length; i++) {
      MockResponse answer = new MockResponse().setBody(new okio.Buffer().write(bodies[i]));
      answer = contentTypes[i] == null ? answer.removeHeader("Content-Type")
          : answer.setHeader("Content-Type", contentTypes[i]);
      server.enqueue(answer);
      var list = clients.tsp().listTokens(new io.tokensdk.model.tsp.ListTokensReq().issuerId(WireCases.ISSUER));
      assertEquals("Wallet \u00e9\u20ac", list.getTokenList().get(0).getWalletProviderId(), "answer " + i);
    }
  }

  @Test
  void anAnswerWithoutARequiredFieldIsAnUnexpectedResponse() {
    server.enqueue(new MockResponse().setBody("{\"tokenInfo\":{}}"));
    UnexpectedResponseException thrown = assertThrows(UnexpectedResponseException.class,
        () -> clients.tsp().createToken(WireCases.model("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\","
            + "\"tokenRequestorId\":\"r\"}", io.tokensdk.model.tsp.CreateTokenReq.class)));
    assertTrue(thrown.getMessage().contains("tokenId"), thrown.getMessage());
    assertEquals(200, thrown.httpStatus());
  }

  @Test
  void anAnswerReadInOnePassOrLenientlyGivesTheSameModelAsBefore() {
    String known = "\"tokenId\":\"tok-0001\",\"tokenInfo\":{\"exp\":\"1229\",\"last4\":\"0001\","
        + "\"encryptedData\":\"" + WireCases.JWE + "\"}";
    String[] answers = {
        "{" + known + "}",
        "{\"newMember\":{\"a\":[1,null,{}]}," + known + ",\"newNumber\":12}",
        "{" + known.replace("\"exp\":\"1229\",", "\"exp\":\"1229\",\"newState\":\"HIBERNATING\",") + "}"};
    for (String answer : answers) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(answer));
      var token = clients.tsp().createToken(createTokenRequest());
      assertEquals(JsonParser.parseString("{" + known + "}"), TokenSdkJson.toTree(token), answer);
    }
    // a length the spec does not allow: left to the tree path by the one pass, read as before (lenient checks types)
    server.enqueue(new MockResponse().setBody("{" + known.replace("\"0001\"", "\"00012\"") + "}"));
    assertEquals("00012", clients.tsp().createToken(createTokenRequest()).getTokenInfo().getLast4());
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(
        "{\"tokenList\":[{\"tokenId\":\"t\",\"exp\":\"1229\",\"last4\":\"0001\",\"state\":\"HIBERNATING\","
            + "\"tokenStorageId\":\"s\",\"tokenRequestorId\":\"r\",\"walletProviderId\":\"w\",\"newMember\":true,"
            + "\"creationDate\":null}]}"));
    var item = clients.tsp().listTokens(new io.tokensdk.model.tsp.ListTokensReq().issuerId(WireCases.ISSUER))
        .getTokenList().get(0);
    assertEquals(io.tokensdk.model.tsp.CciState.UNKNOWN_TO_SDK_VERSION, item.getState());
    assertEquals("HIBERNATING", item.getStateAsString());
    assertNull(item.getCreationDate());
  }

  @Test
  void aMalformedOrViolatingAnswerIsAnUnexpectedResponseWithTheMessageItHadBefore() {
    String known = "\"tokenId\":\"tok-0001\",\"tokenInfo\":{\"exp\":\"1229\",\"last4\":\"0001\"}";
    List<List<String>> answers = List.of(
        List.of("{" + known, "the body is not JSON"),
        List.of("{" + known + "} x", "the body is not JSON"),
        List.of("{" + known + ",\"tokenId\":12}", "bad parameter format: tokenId (must be a string)"),
        List.of("{\"tokenInfo\":{\"last4\":\"0001\"}}", "missing mandatory parameter: tokenId"),
        List.of("{" + known.replace("\"tok-0001\"", "null") + "}", "missing mandatory parameter: tokenId"),
        List.of("[]", "bad parameter format: body (must be an object)"),
        List.of("null", "the body is empty or null, not a CreateTokenRes"),
        List.of("", "the body is empty or null, not a CreateTokenRes"),
        List.of(" \n", "the body is empty or null, not a CreateTokenRes"));
    for (List<String> answer : answers) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(answer.get(0)));
      UnexpectedResponseException thrown = assertThrows(UnexpectedResponseException.class,
          () -> clients.tsp().createToken(createTokenRequest()), answer.get(0));
      assertEquals("createToken: HTTP 200: " + answer.get(1), thrown.getMessage().replaceFirst(" \\[requestId=.*", ""),
          answer.get(0));
    }
  }

  private static io.tokensdk.model.tsp.CreateTokenReq createTokenRequest() {
    return WireCases.model("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\"}",
        io.tokensdk.model.tsp.CreateTokenReq.class);
  }

  @Test
  void anAnswerThatIsNotJsonIsAnUnexpectedResponse() {
    server.enqueue(new MockResponse().setBody("<html>proxy error " + SecretLog.PAN + "</html>"));
    UnexpectedResponseException thrown = assertThrows(UnexpectedResponseException.class,
        () -> clients.tsp().getTokenCredentials(WireCases.ISSUER, WireCases.TOKEN));
    assertTrue(!thrown.getMessage().contains(SecretLog.PAN));
  }

  @Test
  void aRequestThatBreaksTheSpecIsNotSent() {
    RequestValidationException thrown = assertThrows(RequestValidationException.class,
        () -> clients.tsp().updateTokenState(WireCases.TOKEN, new io.tokensdk.model.tsp.UpdateTokenStateReq()
            .issuerId("short").newState(io.tokensdk.model.tsp.State.ACTIVE)));
    assertTrue(thrown.getMessage().contains("issuerId"), thrown.getMessage());
    assertEquals(0, thrown.attempts());
    assertEquals(0, server.getRequestCount());

    assertThrows(RequestValidationException.class, () -> clients.tsp().updateTokenState("x".repeat(49),
        new io.tokensdk.model.tsp.UpdateTokenStateReq().issuerId(WireCases.ISSUER).newState(io.tokensdk.model.tsp.State.ACTIVE)));
    assertThrows(RequestValidationException.class, () -> clients.tsp().healthCheck(
        RequestOptions.builder().requestId("r".repeat(49)).build()));
    assertThrows(RequestValidationException.class, () -> clients.tsp().updateToken(WireCases.TOKEN, null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void pathValuesArePercentEncodedAsOneSegment() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    clients.tsp().updateTokenState("a/b c", new io.tokensdk.model.tsp.UpdateTokenStateReq()
        .issuerId(WireCases.ISSUER).newState(io.tokensdk.model.tsp.State.ACTIVE));
    assertEquals("/tsp/trapi/v1.0/tokens/a%2Fb%20c/state", server.takeRequest().getPath());
  }

  @Test
  void patClientFillsMissingMessageAndConversationIds() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"statusCode\":\"0000\",\"statusMessage\":\"Success.\"}"));
    var notification = TokenSdkJson.gson().fromJson("{\"token\":{\"tokenReferenceId\":\"T1\"},\"tokenRequestor\":{\"tokenRequestorId\":"
        + "\"40010030273\"},\"tokenState\":\"DELETED\",\"stateChangeReasonCode\":\"INITIATED_BY_SYSTEM\","
        + "\"initiatingChannel\":\"BATCH\",\"stateChangeTimestamp\":\"2026-11-23T11:00:00Z\"}",
        io.tokensdk.model.pat.TokenStateChangedNotification.class);
    CallInfo info = new CallInfo();
    clients.pat().notifyTokenStateChanged(notification, RequestOptions.builder().callInfo(info).build());
    var sent = JsonParser.parseString(server.takeRequest().getBody().readUtf8()).getAsJsonObject();
    assertEquals(info.requestId(), sent.get("messageId").getAsString());
    UUID.fromString(sent.get("conversationId").getAsString());
    assertNull(notification.getMessageId(), "the caller's object is not changed");
  }

  @Test
  void asyncCallsCompleteWithTheResultOrTheTypedException() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":112}"));
    assertNull(clients.tsp().healthCheckAsync().get());
    var failed = clients.tsp().healthCheckAsync();
    var thrown = assertThrows(java.util.concurrent.ExecutionException.class, failed::get);
    assertEquals(TspResponseCode.BAD_PARAMETER_FORMAT,
        assertInstanceOf(TspApiException.class, thrown.getCause()).responseCode().orElseThrow());
  }

  @Test
  void cofClientWithoutAnApiKeyFailsBeforeSending() {
    var cof = new io.tokensdk.client.cof.CofNotificationClient(
        ClientConfig.builder(server.url("/tsh-cof").toString()).build());
    assertThrows(IllegalStateException.class, () -> cof.notifyBindingCreation(
        WireCases.model("{\"tokenId\":\"t\",\"deviceId\":\"d\",\"selectedIdvMethod\":\"NONE\",\"merchantId\":\"m\"}",
            io.tokensdk.model.cof.BindingCreationNotification.class)));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void logRedactsCardDataKeysAndBlobs() {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":166,\"errorMessage\":\"Invalid FPAN "
        + SecretLog.PAN + "\",\"debug\":{" + SecretLog.CVV_JSON + ",\"exp\":\"1229\"}}"));
    int before = SecretLog.LINES.size();
    assertThrows(TspApiException.class, () -> clients.tsp().updateToken(WireCases.TOKEN,
        new io.tokensdk.model.tsp.UpdateTokenReq().issuerId(WireCases.ISSUER).newCipheredCardInfo(WireCases.CMS)));
    List<String> lines = SecretLog.LINES.subList(before, SecretLog.LINES.size());
    String request = lines.get(0);
    String response = lines.get(1);
    assertTrue(request.contains("\"newCipheredCardInfo\":\"MIAGCSqG…(" + WireCases.CMS.length() + " chars)\""), request);
    assertTrue(response.contains("520473******4792"), response);
    assertTrue(response.contains("\"cvv\":\"***\"") && response.contains("\"exp\":\"***\""), response);
  }

  static SpecId specOf(String path) {
    if (path.startsWith("/tsp/")) {
      return SpecId.TSP;
    }
    return path.startsWith("/tsh-cof/") ? SpecId.COF : SpecId.PAT;
  }
}
