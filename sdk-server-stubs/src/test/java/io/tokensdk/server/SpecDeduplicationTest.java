package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.IdempotencyKey;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Driven by the specs' {@code x-tokensdk-deduplicated}: over real HTTP (a servlet container on loopback), every
 * operation is sent twice with the same idempotency key, where the spec puts it. A deduplicated one reaches its handler
 * once and the second answer is the first, byte for byte; a read-only one reaches it twice.
 */
class SpecDeduplicationTest {
  private static final Map<SpecId, Recorder> RECORDERS =
      Map.of(SpecId.TSP, new Recorder(), SpecId.COF, new Recorder(), SpecId.PAT, new Recorder());
  private static ServletHost host;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(RECORDERS.get(SpecId.TSP)))
        .mount(new TestHandlers.Cof(RECORDERS.get(SpecId.COF)),
            MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY)).build())
        .mount(new TestHandlers.Pat(RECORDERS.get(SpecId.PAT)))
        .build();
    host = ServletHost.start(dispatcher);
    http = new Http(host.url());
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    host.close();
  }

  @Test
  void everyOperationIsDeduplicatedExactlyAsItsSpecSays() throws Exception {
    int deduplicated = 0;
    for (SpecId id : SpecId.values()) {
      ApiConventions conventions = ApiConventions.of(id);
      ApiSpec spec = ApiSpec.of(id);
      for (SpecOperation operation : spec.operations()) {
        String operationId = operation.operationId();
        List<String> headers = new ArrayList<>();
        if (id == SpecId.COF) {
          headers.addAll(List.of("authorization", "APIKEY " + Samples.API_KEY));
        }
        IdempotencyKey key = conventions.idempotencyKey(operationId);
        if (key.location() == IdempotencyKey.Location.HEADER) {
          headers.addAll(List.of(key.name(), "dedupe-" + operationId));
        }
        String path = spec.basePath() + operation.path();
        for (Map.Entry<String, String> value : Samples.PATH_VALUES.entrySet()) {
          path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        String body = Samples.BODIES.get(operationId);
        Http.Reply first = http.send(operation.method(), path, body, headers.toArray(String[]::new));
        Http.Reply second = http.send(operation.method(), path, body, headers.toArray(String[]::new));
        assertEquals(operation.successStatus(), first.code(), operationId + ": " + first.body());
        long runs = RECORDERS.get(id).count(operationId);
        if (conventions.deduplicated(operationId)) {
          deduplicated++;
          assertEquals(1, runs, operationId + " is deduplicated: the handler runs once");
          assertEquals(first.code(), second.code(), operationId);
          assertEquals(first.body(), second.body(), operationId + ": the first answer again");
        } else {
          assertEquals(2, runs, operationId + " is read-only: each request reaches the handler");
        }
      }
    }
    assertEquals(14, deduplicated, "10 mutating TSP operations, 2 COF and 2 PAT notifications");
  }
}
