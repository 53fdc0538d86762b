package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walks the three specs: every operation has a route and a handler method that a valid request reaches. */
class SpecCoverageTest extends ServerFixture {
  private static final Map<SpecId, Recorder> RECORDERS = Map.of(SpecId.TSP, TSP, SpecId.COF, COF, SpecId.PAT, PAT);

  @Test
  void everyOperationOfEverySpecReachesItsHandler() throws Exception {
    int operations = 0;
    for (SpecId id : SpecId.values()) {
      ApiSpec spec = ApiSpec.of(id);
      for (SpecOperation op : spec.operations()) {
        operations++;
        String path = op.path();
        for (var entry : Samples.PATH_VALUES.entrySet()) {
          path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        assertFalse(path.contains("{"), "no sample path value for " + op.operationId() + " " + op.path());
        String body = Samples.BODIES.get(op.operationId());
        if (op.requestBodySchema() != null) {
          assertNotNull(body, "no sample body for " + op.operationId());
        }
        Http.Reply reply = http.send(op.method(), spec.basePath() + path, body,
            "x-request-id", "req-" + op.operationId(),
            "authorization", "APIKEY " + Samples.API_KEY,
            "x-correlation-id", "corr-" + op.operationId());
        assertEquals(op.successStatus(), reply.code(), op.operationId() + ": " + reply.body());
        Recorder recorder = RECORDERS.get(id);
        assertEquals(1, recorder.count(op.operationId()), op.operationId() + " did not reach its handler");
        Recorder.Call call = recorder.calls.stream()
            .filter(c -> c.operationId().equals(op.operationId())).findFirst().orElseThrow();
        op.pathParameters().forEach(p ->
            assertEquals(Samples.PATH_VALUES.get(p.name()), call.pathParams().get(p.name()), p.name()));
        if (body != null) {
          assertNotNull(call.body(), op.operationId() + " got no typed body");
        }
      }
    }
    assertEquals(17, operations);
  }

  @Test
  void coreTspOperationsAreAbstractAndOptionalOnesAreNot() throws Exception {
    for (SpecOperation op : ApiSpec.of(SpecId.TSP).operations()) {
      var method = java.util.Arrays.stream(io.tokensdk.server.tsp.TspHandler.class.getDeclaredMethods())
          .filter(m -> m.getName().equals(op.operationId())).findFirst().orElseThrow();
      assertEquals(!op.optional(), java.lang.reflect.Modifier.isAbstract(method.getModifiers()), op.operationId());
    }
    assertTrue(ApiSpec.of(SpecId.TSP).operations().stream().filter(SpecOperation::optional).count() == 7);
  }
}
