package io.tokensdk.server;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A servlet container on loopback serving the three test handlers, shared by the tests of a class. */
abstract class ServerFixture {
  static final Recorder TSP = new Recorder();
  static final Recorder COF = new Recorder();
  static final Recorder PAT = new Recorder();
  static ServletHost server;
  static Http http;

  @BeforeAll
  static void startServer() throws IOException {
    server = ServletHost.start(TokenSdkDispatcher.builder()
        // The dispatch tests send every TSP request with one request id; deduplication has tests of its own.
        .mount(new TestHandlers.FullTsp(TSP), MountOptions.builder().noDedupe().build())
        .mount(new TestHandlers.Cof(COF), MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY)).build())
        .mount(new TestHandlers.Pat(PAT))
        .build());
    http = new Http(server.url());
  }

  @AfterAll
  static void stopServer() {
    http.close();
    server.close();
  }

  @BeforeEach
  void resetRecorders() {
    TSP.reset();
    COF.reset();
    PAT.reset();
  }

  /** The dispatcher's JSON content type; a servlet container may drop the space before the charset parameter. */
  static void assertJsonContentType(Http.Reply reply) {
    org.junit.jupiter.api.Assertions.assertEquals(ServerResponse.JSON.replace("; ", ";"),
        String.valueOf(reply.header("Content-Type")).replace("; ", ";"));
  }

  static Http.Reply tsp(String method, String path, String body, String... headers) throws IOException {
    String[] all = concat(new String[] {"x-request-id", "req-1"}, headers);
    return http.send(method, "/tsp/trapi/v1.0" + path, body, all);
  }

  static Http.Reply cof(String path, String body, String... headers) throws IOException {
    String[] all = concat(new String[] {"authorization", "APIKEY " + Samples.API_KEY, "x-correlation-id",
        java.util.UUID.randomUUID().toString()}, headers);
    return http.send("POST", "/tsh-cof" + path, body, all);
  }

  static Http.Reply pat(String path, String body) throws IOException {
    return http.send("POST", "/pat" + path, body);
  }

  /** Later pairs override earlier ones with the same name. */
  private static String[] concat(String[] defaults, String[] overrides) {
    java.util.LinkedHashMap<String, String> map = new java.util.LinkedHashMap<>();
    for (String[] pairs : new String[][] {defaults, overrides}) {
      for (int i = 0; i < pairs.length; i += 2) {
        map.put(pairs[i], pairs[i + 1]);
      }
    }
    map.values().removeIf(v -> v == null);
    String[] out = new String[map.size() * 2];
    int i = 0;
    for (var entry : map.entrySet()) {
      out[i++] = entry.getKey();
      out[i++] = entry.getValue();
    }
    return out;
  }
}
