package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same handlers in a real servlet container (Jetty 12, ee10) on loopback, under a context path. */
class ServletAdapterTest {
  private static final Recorder TSP = new Recorder();
  private static final Recorder COF = new Recorder();
  private static ServletHost host;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(TSP))
        .mount(new TestHandlers.Cof(COF), MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY)).build())
        .mount(new TestHandlers.Pat(new Recorder()))
        .build();
    host = ServletHost.start(dispatcher, "/app");
    http = new Http(host.url());
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    host.close();
  }

  @Test
  void tspSuccessAndEcho() throws Exception {
    Http.Reply reply = http.send("POST", "/tsp/trapi/v1.0/tokens", Samples.BODIES.get("createToken"),
        "x-request-id", "servlet-1");
    assertEquals(200, reply.code(), reply.body());
    assertTrue(reply.header("Content-Type").toLowerCase().startsWith("application/json"));
    assertEquals("servlet-1", reply.header("x-request-id"));
    assertTrue(TSP.calls.get(TSP.calls.size() - 1).context().remoteAddress().isPresent());
  }

  @Test
  void tspValidationAndErrors() throws Exception {
    Http.Reply missing = http.send("POST", "/tsp/trapi/v1.0/tokens", "{\"issuerId\":\"ISSUER0001\"}",
        "x-request-id", "r");
    assertEquals(400, missing.code());
    assertTrue(missing.body().contains("\"responseCode\":111"), missing.body());
    assertTrue(http.send("POST", "/tsp/trapi/v1.0/tokens", "{", "x-request-id", "r").body()
        .contains("\"responseCode\":112"));
    assertEquals(404, http.send("GET", "/tsp/trapi/v1.0/nothing", null, "x-request-id", "r").code());
    Http.Reply wrongMethod = http.send("GET", "/tsp/trapi/v1.0/tokens", null, "x-request-id", "r");
    assertEquals(405, wrongMethod.code());
    assertEquals("POST", wrongMethod.header("Allow"));
    String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertEquals(413, http.send("POST", "/tsp/trapi/v1.0/tokens", big, "x-request-id", "r").code());
  }

  @Test
  void tspNoContentAndUnexpected() throws Exception {
    Http.Reply health = http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "h");
    assertEquals(204, health.code());
    assertEquals("", health.body());
    TSP.on("listTokens", () -> {
      throw new IllegalStateException("internal detail");
    });
    Http.Reply failed = http.send("POST", "/tsp/trapi/v1.0/listTokens", "{\"issuerId\":\"ISSUER0001\"}",
        "x-request-id", "r");
    assertEquals(400, failed.code(), "921 is answered with the HTTP status of its row in the spec's table");
    assertTrue(failed.body().contains("921"));
    assertFalse(failed.body().contains("internal detail"));
  }

  @Test
  void cofApiKeyAndDedupe() throws Exception {
    String correlation = UUID.randomUUID().toString();
    String path = "/tsh-cof/notify-binding-creation";
    assertEquals(401, http.send("POST", path, Samples.bindingCreation(), "x-correlation-id", correlation).code());
    for (int i = 0; i < 2; i++) {
      Http.Reply reply = http.send("POST", path, Samples.bindingCreation(), "authorization",
          "APIKEY " + Samples.API_KEY, "x-correlation-id", correlation);
      assertEquals(204, reply.code());
      assertEquals(correlation, reply.header("x-correlation-id"));
    }
    assertEquals(1, COF.count("notifyBindingCreation"));
  }
}
