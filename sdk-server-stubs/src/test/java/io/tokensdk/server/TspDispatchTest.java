package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

/** The TSP API over real HTTP: routing, validation, error shapes, typed errors and headers. */
class TspDispatchTest extends ServerFixture {
  private static final String CREATE = Samples.BODIES.get("createToken");

  private static JsonObject json(Http.Reply reply) {
    return JsonParser.parseString(reply.body()).getAsJsonObject();
  }

  private static void assertErrorRes(Http.Reply reply, int status, int code, String fieldInMessage) {
    assertEquals(status, reply.code(), reply.body());
    assertJsonContentType(reply);
    JsonObject error = json(reply);
    assertEquals(code, error.get("responseCode").getAsInt(), reply.body());
    if (fieldInMessage != null) {
      assertTrue(error.get("errorMessage").getAsString().contains(fieldInMessage), reply.body());
    }
  }

  @Test
  void successReturnsTypedResponseAsJsonAndEchoesRequestId() throws Exception {
    TSP.on("createToken", () -> new CreateTokenRes().tokenId("tok-9").tokenInfo(new io.tokensdk.model.tsp.TokenInfo()));
    Http.Reply reply = tsp("POST", "/tokens", CREATE, "x-request-id", "abc-42");
    assertEquals(200, reply.code());
    assertJsonContentType(reply);
    assertEquals("abc-42", reply.header("x-request-id"));
    assertEquals("tok-9", json(reply).get("tokenId").getAsString());
    Recorder.Call call = TSP.calls.get(0);
    assertEquals("ISSUER0001", ((CreateTokenReq) call.body()).getIssuerId());
    assertEquals("abc-42", call.context().requestId().orElseThrow());
    assertTrue(call.context().remoteAddress().isPresent());
    assertTrue(call.context().clientCertificate().isEmpty());
  }

  @Test
  void noContentHasNoBody() throws Exception {
    Http.Reply reply = tsp("PUT", "/tokens/t1/state", Samples.BODIES.get("updateTokenState"));
    assertEquals(204, reply.code());
    assertEquals("", reply.body());
    assertNull(reply.header("Content-Type"));
    assertEquals("req-1", reply.header("x-request-id"));
    assertEquals("SUSPENDED", ((UpdateTokenStateReq) TSP.calls.get(0).body()).getNewStateAsString());
  }

  @Test
  void unknownPathIs404() throws Exception {
    assertEquals(404, tsp("GET", "/nope", null).code());
    Http.Reply outside = http.send("GET", "/other/tokens", null, "x-request-id", "req-404", "x-correlation-id", "corr-404");
    assertEquals(404, outside.code());
    assertEquals("req-404", outside.header("x-request-id"), "ids are echoed even outside every base path");
    assertEquals("corr-404", outside.header("x-correlation-id"));
    assertEquals(404, tsp("PUT", "/tokens/t1/state/extra", "{}").code());
  }

  @Test
  void wrongMethodIs405WithAllow() throws Exception {
    Http.Reply reply = tsp("DELETE", "/tokens/t1/state", null);
    assertEquals(405, reply.code());
    assertEquals("PUT", reply.header("Allow"));
    assertEquals("req-1", reply.header("x-request-id"));
    assertEquals(405, tsp("GET", "/tokens", null).code());
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    Http.Reply reply = http.send("POST", "/tsp/trapi/v1.0/tokens", CREATE, MediaType.get("text/plain"),
        "x-request-id", "r");
    assertEquals(415, reply.code());
    assertEquals(415, http.send("POST", "/tsp/trapi/v1.0/tokens", CREATE, (MediaType) null, "x-request-id", "r").code());
    assertTrue(TSP.calls.isEmpty());
  }

  @Test
  void jsonWithCharsetIsAccepted() throws Exception {
    Http.Reply reply = http.send("POST", "/tsp/trapi/v1.0/tokens", CREATE,
        MediaType.get("application/json; charset=UTF-8"), "x-request-id", "r");
    assertEquals(200, reply.code());
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    String big = "{\"issuerId\":\"ISSUER0001\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertEquals(413, tsp("POST", "/tokens", big).code());
    assertTrue(TSP.calls.isEmpty());
  }

  @Test
  void malformedJsonIs112() throws Exception {
    assertErrorRes(tsp("POST", "/tokens", "{\"issuerId\": "), 400, 112, "body");
    assertErrorRes(tsp("POST", "/tokens", "{'issuerId':'x'}"), 400, 112, "body");
    assertErrorRes(tsp("POST", "/tokens", CREATE + " trailing"), 400, 112, "body");
    assertTrue(TSP.calls.isEmpty());
  }

  @Test
  void missingFieldIs111NamingIt() throws Exception {
    assertErrorRes(tsp("POST", "/tokens", "{\"issuerId\":\"ISSUER0001\",\"tokenRequestorId\":\"1\"}"),
        400, 111, "cardRefId");
    assertErrorRes(tsp("POST", "/tokens", ""), 400, 111, "body");
    assertTrue(TSP.calls.isEmpty());
  }

  @Test
  void badFieldIs112NamingItWithoutItsValue() throws Exception {
    Http.Reply reply = tsp("POST", "/tokens",
        "{\"issuerId\":\"SECRET-TOO-LONG\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"1\"}");
    assertErrorRes(reply, 400, 112, "issuerId");
    assertFalse(reply.body().contains("SECRET-TOO-LONG"));
    assertErrorRes(tsp("POST", "/tokens", "{\"issuerId\":12,\"cardRefId\":\"c\",\"tokenRequestorId\":\"1\"}"),
        400, 112, "issuerId");
  }

  @Test
  void enumViolationIs112() throws Exception {
    assertErrorRes(tsp("PUT", "/tokens/t1/state", "{\"issuerId\":\"ISSUER0001\",\"newState\":\"GONE\"}"),
        400, 112, "newState");
  }

  @Test
  void patternViolationIs112() throws Exception {
    assertErrorRes(tsp("POST", "/merchant-gateways/MGW0000001/merchants", "{\"merchantName\":\"bad!name\"}"),
        400, 112, "merchantName");
  }

  @Test
  void headerConstraintsAreEnforced() throws Exception {
    Http.Reply tooLong = tsp("GET", "/healthCheck", null, "x-request-id", "r".repeat(49));
    assertErrorRes(tooLong, 400, 112, "x-request-id");
    assertEquals("r".repeat(49), tooLong.header("x-request-id"), "short visible ids are echoed, even when invalid");
    assertNull(tsp("GET", "/healthCheck", null, "x-request-id", "r".repeat(300)).header("x-request-id"),
        "long ids are not echoed");
    assertEquals(204, tsp("GET", "/healthCheck", null, "x-request-id", "r".repeat(48)).code());
    assertErrorRes(http.send("GET", "/tsp/trapi/v1.0/healthCheck", null), 400, 111, "x-request-id");
  }

  @Test
  void pathParameterConstraintsAreEnforced() throws Exception {
    assertErrorRes(tsp("GET", "/issuers/SHORT/tokens/t1/credentials", null), 400, 112, "issuerId");
    assertErrorRes(tsp("PUT", "/tokens/" + "t".repeat(49) + "/state", Samples.BODIES.get("updateTokenState")),
        400, 112, "tokenId");
    assertEquals(204, tsp("PUT", "/tokens/a%2Fb/state", Samples.BODIES.get("updateTokenState")).code());
    assertEquals("a/b", TSP.calls.get(0).pathParams().get("tokenId"));
  }

  @Test
  void businessErrorsAreAnsweredWithTheirCode() throws Exception {
    TSP.on("updateTokenState", () -> {
      throw new TspErrorException(TspResponseCode.UNKNOWN_TOKEN);
    });
    Http.Reply unknown = tsp("PUT", "/tokens/t1/state", Samples.BODIES.get("updateTokenState"));
    assertErrorRes(unknown, 400, 119, "Unknown Token");
    assertEquals("req-1", unknown.header("x-request-id"));
    TSP.on("updateTokenState", () -> {
      throw new TspErrorException(432, "state does not allow");
    });
    assertErrorRes(tsp("PUT", "/tokens/t1/state", Samples.BODIES.get("updateTokenState")), 400, 432, "state");
  }

  @Test
  void unexpectedExceptionIs921OnItsTableStatusWithNoDetails() throws Exception {
    TSP.on("createToken", () -> {
      throw new IllegalStateException("PAN 5204731234564792 leaked");
    });
    Http.Reply reply = tsp("POST", "/tokens", CREATE);
    assertErrorRes(reply, 400, 921, null);
    assertFalse(reply.body().contains("5204731234564792"));
    assertFalse(reply.body().contains("IllegalStateException"));
    assertEquals("req-1", reply.header("x-request-id"));
  }

  @Test
  void retryLaterIs503WithRetryAfterAndNoBody() throws Exception {
    TSP.on("createToken", () -> {
      throw new RetryLaterException(java.time.Duration.ofSeconds(3));
    });
    Http.Reply reply = tsp("POST", "/tokens", CREATE);
    assertEquals(503, reply.code());
    assertEquals("3", reply.header("Retry-After"));
    assertEquals("", reply.body());
    assertEquals("req-1", reply.header("x-request-id"));
  }

  @Test
  void nullResultForAnOperationWithABodyIs921() throws Exception {
    TSP.on("createToken", () -> null);
    assertErrorRes(tsp("POST", "/tokens", CREATE), 400, 921, null);
  }

  @Test
  void aResponseThatBreaksTheSpecIsNotSent() throws Exception {
    TSP.on("createToken", () -> new CreateTokenRes().tokenId("t".repeat(49)));
    Http.Reply reply = tsp("POST", "/tokens", CREATE);
    assertErrorRes(reply, 400, 921, null);
    assertFalse(reply.body().contains("ttttt"));
  }

  @Test
  void aJsonNullBodyIsAMissingBody() throws Exception {
    assertErrorRes(tsp("POST", "/tokens", "null"), 400, 111, "body");
    assertErrorRes(tsp("POST", "/tokens", "[]"), 400, 112, "body");
    assertTrue(TSP.calls.isEmpty());
  }

  @Test
  void optionalOperationsAnswer911NotSupportedByDefault() throws Exception {
    TokenSdkDispatcher core = TokenSdkDispatcher.builder().mount(new TestHandlers.CoreTsp(new Recorder())).build();
    try (ServletHost coreServer = ServletHost.start(core)) {
      Http client = new Http(coreServer.url());
      Http.Reply reply = client.send("POST", "/tsp/trapi/v1.0/tokens/t1/replenish", "{}", "x-request-id", "r");
      assertErrorRes(reply, 400, 911, "not supported");
      assertTrue(json(reply).get("errorMessage").getAsString().contains("replenishToken"));
      client.close();
    }
  }
}
