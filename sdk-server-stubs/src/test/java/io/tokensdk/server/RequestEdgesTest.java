package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.model.tsp.CreateTokenReq;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** JSON nulls, numbers no model holds, repeated id headers, Cache-Control and the host's overload answers. */
class RequestEdgesTest extends ServerFixture {
  private static JsonObject json(Http.Reply reply) {
    return JsonParser.parseString(reply.body()).getAsJsonObject();
  }

  private static void assertTsp(Http.Reply reply, int code, String field) {
    assertEquals(400, reply.code(), reply.body());
    assertEquals(code, json(reply).get("responseCode").getAsInt(), reply.body());
    assertTrue(json(reply).get("errorMessage").getAsString().contains(field), reply.body());
  }

  @Test
  void aJsonNullIsAValidationErrorByDefault() throws Exception {
    String withNull = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-1\",\"tokenRequestorId\":\"40010030273\","
        + "\"cipheredCardInfo\":null}";
    assertTsp(tsp("POST", "/tokens", withNull, "x-request-id", "n1"), 112, "cipheredCardInfo");
    assertTsp(tsp("POST", "/tokens", "{\"issuerId\":null,\"cardRefId\":\"card-1\",\"tokenRequestorId\":\"40010030273\"}",
        "x-request-id", "n2"), 112, "issuerId");
    assertEquals(400, cof("/notify-binding-creation", Samples.bindingCreation().replace("\"deviceId\":\"d1\"",
        "\"deviceId\":null")).code());
    String patNull = Samples.provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString())
        .replace("\"tokenState\":\"ACTIVE\"", "\"tokenState\":null");
    Http.Reply pat = pat("/token/state/provisioned", patNull);
    assertEquals(400, pat.code());
    assertEquals("1301", json(pat).get("statusCode").getAsString());
    assertTrue(TSP.calls.isEmpty() && COF.calls.isEmpty() && PAT.calls.isEmpty());
  }

  @Test
  void aMountMayReadJsonNullAsAbsent() throws Exception {
    Recorder recorder = new Recorder();
    try (ServletHost lenient = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(recorder), MountOptions.builder().nullAsAbsent().build()).build())) {
      Http client = new Http(lenient.url());
      String withNull = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-1\",\"tokenRequestorId\":\"40010030273\","
          + "\"cipheredCardInfo\":null}";
      assertEquals(200, client.send("POST", "/tsp/trapi/v1.0/tokens", withNull, "x-request-id", "a1").code());
      assertNull(((CreateTokenReq) recorder.calls.get(0).body()).getCipheredCardInfo());
      // a required field sent as null is then absent: 111
      Http.Reply missing = client.send("POST", "/tsp/trapi/v1.0/tokens",
          "{\"issuerId\":null,\"cardRefId\":\"card-1\",\"tokenRequestorId\":\"40010030273\"}", "x-request-id", "a2");
      assertEquals(111, json(missing).get("responseCode").getAsInt(), missing.body());
      client.close();
    }
  }

  @Test
  void aNumberTooLargeForAnyModelIs112Not500() throws Exception {
    String huge = "{\"issuerId\":\"ISSUER0001\",\"repCounter\":\"2\",\"usageLimits\":{\"maxPayments\":1E+10000}}";
    assertTsp(tsp("PUT", "/tokens/t1/replenishment/status", huge, "x-request-id", "big-1"), 112, "maxPayments");
    String hugerStill = huge.replace("1E+10000", "1E+100000000000");
    assertTsp(tsp("PUT", "/tokens/t1/replenishment/status", hugerStill, "x-request-id", "big-2"), 112, "maxPayments");
    String digits = huge.replace("1E+10000", "9".repeat(5000));
    // Gson's reader refuses such a literal itself: still 112 (malformed), never a 500
    assertTsp(tsp("PUT", "/tokens/t1/replenishment/status", digits, "x-request-id", "big-3"), 112, "bad parameter format");
    assertTsp(tsp("POST", "/tokens", "{\"issuerId\":1E+10000}", "x-request-id", "big-4"), 112, "issuerId");
    assertEquals(400, cof("/notify-binding-creation", Samples.bindingCreation().replace("\"t1\"", "1E+10000")).code());
    String patHuge = Samples.provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString())
        .replace("\"ACTIVE\"", "1E+10000");
    assertEquals("1301", json(pat("/token/state/provisioned", patHuge)).get("statusCode").getAsString());
    assertTrue(TSP.calls.isEmpty());
  }

  @Test
  void repeatedIdAndKeyHeadersAreRefused() throws Exception {
    Http.Reply twoIds = raw("POST /tsp/trapi/v1.0/tokens", Samples.BODIES.get("createToken"),
        "x-request-id: a", "x-request-id: b");
    assertTrue(twoIds.code() == 400, twoIds.toString());
    assertTrue(twoIds.body().contains("\"responseCode\":112") && twoIds.body().contains("more than once"), twoIds.body());
    Http.Reply twoKeys = raw("POST /tsh-cof/notify-binding-creation", Samples.bindingCreation(),
        "authorization: APIKEY " + Samples.API_KEY, "authorization: APIKEY other", "x-correlation-id: c1");
    assertEquals(400, twoKeys.code());
    Http.Reply twoCorrelations = raw("POST /tsh-cof/notify-binding-creation", Samples.bindingCreation(),
        "authorization: APIKEY " + Samples.API_KEY, "x-correlation-id: c1", "x-correlation-id: c2");
    assertEquals(400, twoCorrelations.code());
    assertTrue(TSP.calls.isEmpty() && COF.calls.isEmpty());
  }

  @Test
  void answersThatCarryCardOrCredentialMaterialAreNotStored() throws Exception {
    assertEquals("no-store", tsp("POST", "/tokens", Samples.BODIES.get("createToken")).header("Cache-Control"));
    assertEquals("no-store", tsp("GET", "/issuers/ISSUER0001/tokens/t1/credentials", null).header("Cache-Control"));
    assertEquals("no-store", tsp("POST", "/listTokens", Samples.BODIES.get("listTokens")).header("Cache-Control"));
    assertNull(tsp("GET", "/healthCheck", null).header("Cache-Control"));
    assertNull(tsp("POST", "/tokens", "{}", "x-request-id", "e1").header("Cache-Control"), "an error carries none");
    assertNull(cof("/notify-binding-creation", Samples.bindingCreation()).header("Cache-Control"));
  }

  @Test
  void theHostGetsEachApisRetryableOverloadAnswerAndReportsRejections() throws Exception {
    List<ServerEvent> events = new CopyOnWriteArrayList<>();
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(new Recorder()))
        .mount(new TestHandlers.Pat(new Recorder()))
        .listener(events::add).build();
    ServerResponse tsp = dispatcher.retryLater(request("/tsp/trapi/v1.0/tokens", "x-request-id", "o1"),
        Duration.ofSeconds(2));
    assertEquals(503, tsp.status());
    assertEquals("2", tsp.headers().get("Retry-After"));
    assertEquals("o1", tsp.headers().get("x-request-id"));
    ServerResponse pat = dispatcher.retryLater(request("/pat/token/state/changed"), Duration.ofSeconds(1));
    assertEquals(500, pat.status());
    assertTrue(new String(pat.body(), StandardCharsets.UTF_8).contains("\"statusCode\":\"1300\""));
    assertEquals(503, dispatcher.retryLater(request("/elsewhere"), Duration.ofSeconds(1)).status());
    ServerResponse tooLarge = dispatcher.malformed("/tsp/trapi/v1.0/tokens", name -> null, 431, "headers too large");
    assertEquals(431, tooLarge.status());
    assertTrue(new String(tooLarge.body(), StandardCharsets.UTF_8).contains("\"responseCode\":112"));
    dispatcher.malformed("/pat/token/state/changed", name -> null, 400, "bad chunked encoding");
    assertEquals(List.of(ServerEvent.Outcome.OVERLOADED, ServerEvent.Outcome.OVERLOADED,
        ServerEvent.Outcome.OVERLOADED, ServerEvent.Outcome.LIMIT_EXCEEDED, ServerEvent.Outcome.REJECTED),
        events.stream().map(ServerEvent::outcome).toList());
    assertEquals("o1", events.get(0).requestId());
    assertEquals(io.tokensdk.spec.SpecId.PAT, events.get(1).spec());
    NullPointerException npe = assertThrows(NullPointerException.class, () -> dispatcher.retryLater(null, Duration.ZERO));
    assertEquals("request", npe.getMessage());
  }

  @Test
  void nullArgumentsToThePublicApiNameTheArgument() {
    assertEquals("handler", assertThrows(NullPointerException.class,
        () -> TokenSdkDispatcher.builder().mount(null)).getMessage());
    assertEquals("options", assertThrows(NullPointerException.class,
        () -> TokenSdkDispatcher.builder().mount(new TestHandlers.FullTsp(new Recorder()), null)).getMessage());
    assertEquals("lease", assertThrows(NullPointerException.class,
        () -> MountOptions.builder().claimLease(null)).getMessage());
    assertEquals("wait", assertThrows(NullPointerException.class,
        () -> MountOptions.builder().duplicateWait(null)).getMessage());
    assertEquals("type", assertThrows(NullPointerException.class,
        () -> MountOptions.builder().mapException(null, e -> null)).getMessage());
    assertEquals("listener", assertThrows(NullPointerException.class,
        () -> TokenSdkDispatcher.builder().listener(null)).getMessage());
    assertEquals("request", assertThrows(NullPointerException.class,
        () -> TokenSdkDispatcher.builder().mount(new TestHandlers.FullTsp(new Recorder())).build().handle(null))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> MountOptions.builder().claimLease(Duration.ZERO));
    assertEquals("json", assertThrows(NullPointerException.class, () -> ServerResponse.json(200, null)).getMessage());
    assertEquals("name", assertThrows(NullPointerException.class,
        () -> ServerResponse.empty(204).withHeader(null, "v")).getMessage());
    assertEquals("keys", assertThrows(NullPointerException.class, () -> ApiKeys.of((String[]) null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ApiKeys.of("k", null));
    assertEquals("key", assertThrows(NullPointerException.class,
        () -> new InMemoryDedupeStore().claim(null, "f", "o1", Duration.ofSeconds(1))).getMessage());
  }

  /** A request for the host-facing methods: a path and id headers, no body. */
  private static ServerRequest request(String path, String... headers) {
    return new ServerRequest() {
      @Override public String method() {
        return "POST";
      }

      @Override public String rawPath() {
        return path;
      }

      @Override public String header(String name) {
        for (int i = 0; i < headers.length; i += 2) {
          if (headers[i].equalsIgnoreCase(name)) {
            return headers[i + 1];
          }
        }
        return null;
      }

      @Override public long contentLength() {
        return 0;
      }

      @Override public InputStream body() {
        return InputStream.nullInputStream();
      }

      @Override public java.net.InetSocketAddress remoteAddress() {
        return null;
      }

      @Override public List<java.security.cert.X509Certificate> clientCertificates() {
        return List.of();
      }
    };
  }

  /** Sends a request with repeated headers (OkHttp would merge none, but raw bytes say exactly what is sent). */
  private static Http.Reply raw(String requestLine, String body, String... headers) throws Exception {
    java.net.URI uri = java.net.URI.create(server.url());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n")
          .append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length)
          .append("\r\nConnection: close\r\n");
      for (String header : headers) {
        head.append(header).append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring(9, 12));
      int split = answer.indexOf("\r\n\r\n");
      return new Http.Reply(status, okhttp3.Headers.of(), split < 0 ? "" : answer.substring(split + 4));
    }
  }
}
