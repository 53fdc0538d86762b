package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.model.tsp.TspResponseCode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome table over real HTTP: typed errors, mapped domain exceptions, payloads that cannot be opened, null and
 * invalid results; and what the listener and the error hook see.
 */
class HandlerOutcomesTest {
  private static final String CREATE = Samples.BODIES.get("createToken");
  private static final Recorder TSP = new Recorder();
  private static final Recorder COF = new Recorder();
  private static final Recorder PAT = new Recorder();
  private static final List<ServerEvent> EVENTS = new CopyOnWriteArrayList<>();
  private static final List<Object[]> FAILURES = new CopyOnWriteArrayList<>();
  private static ServletHost host;
  private static Http http;

  /** A domain exception of the user's, and a subclass with its own mapping. */
  static class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  static final class TokenGone extends VaultException {
    private static final long serialVersionUID = 1L;
  }

  static final class VaultBusy extends VaultException {
    private static final long serialVersionUID = 1L;
  }

  static final class Unmappable extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @BeforeAll
  static void start() throws Exception {
    host = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(TSP), MountOptions.builder()
            .mapException(VaultException.class, e -> new TspErrorException(TspResponseCode.OPERATION_FAILED))
            .mapException(TokenGone.class, e -> new TspErrorException(TspResponseCode.UNKNOWN_TOKEN))
            .mapException(VaultBusy.class, e -> new RetryLaterException(Duration.ofSeconds(7)))
            .mapException(Unmappable.class, e -> new IllegalStateException("not an answer"))
            .build())
        .mount(new TestHandlers.Cof(COF), MountOptions.builder().apiKeys(ApiKeys.of(Samples.API_KEY))
            .mapException(VaultException.class, e -> new CofErrorException(404)).build())
        .mount(new TestHandlers.Pat(PAT))
        .listener(EVENTS::add)
        .handlerErrorHook((error, context) -> FAILURES.add(new Object[] {error, context}))
        .build());
    http = new Http(host.url());
  }

  @AfterAll
  static void stop() throws Exception {
    http.close();
    host.close();
  }

  @BeforeEach
  void reset() {
    TSP.reset();
    COF.reset();
    PAT.reset();
    EVENTS.clear();
    FAILURES.clear();
  }

  private static Http.Reply create(String requestId) throws Exception {
    return http.send("POST", "/tsp/trapi/v1.0/tokens", CREATE, "x-request-id", requestId);
  }

  private static JsonObject json(Http.Reply reply) {
    return JsonParser.parseString(reply.body()).getAsJsonObject();
  }

  private static ServerEvent lastEvent() {
    return EVENTS.get(EVENTS.size() - 1);
  }

  @Test
  void aPayloadThatCannotBeOpenedIsANonRetryable112NeverA921() throws Exception {
    TSP.on("createToken", () -> {
      throw new EnvelopeOpenException();
    });
    Http.Reply reply = create(UUID.randomUUID().toString());
    assertEquals(400, reply.code());
    assertEquals(112, json(reply).get("responseCode").getAsInt(), reply.body());
    assertEquals(ServerEvent.Outcome.BAD_PAYLOAD, lastEvent().outcome());
    TSP.on("createToken", () -> {
      throw new IllegalStateException("wrapped", new InvalidPayloadException("pan", "not digits"));
    });
    Http.Reply wrapped = create(UUID.randomUUID().toString());
    assertEquals(112, json(wrapped).get("responseCode").getAsInt(), wrapped.body());
    assertFalse(wrapped.body().contains("pan"), "the payload's field is not echoed: " + wrapped.body());
    PAT.on("notifyTokenProvisioned", () -> {
      throw new EnvelopeOpenException();
    });
    Http.Reply pat = http.send("POST", "/pat/token/state/provisioned",
        Samples.provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
    assertEquals(400, pat.code());
    assertEquals("1301", json(pat).get("statusCode").getAsString());
    COF.on("notifyBindingCreation", () -> {
      throw new EnvelopeOpenException();
    });
    assertEquals(400, http.send("POST", "/tsh-cof/notify-binding-creation", Samples.bindingCreation(),
        "authorization", "APIKEY " + Samples.API_KEY, "x-correlation-id", UUID.randomUUID().toString()).code());
  }

  @Test
  void domainExceptionsMapThroughTheMountsMappersMostSpecificFirst() throws Exception {
    TSP.on("createToken", () -> {
      throw new TokenGone();
    });
    assertEquals(119, json(create(UUID.randomUUID().toString())).get("responseCode").getAsInt());
    assertEquals(ServerEvent.Outcome.BUSINESS_ERROR, lastEvent().outcome());
    TSP.on("createToken", () -> {
      throw new VaultException();
    });
    assertEquals(911, json(create(UUID.randomUUID().toString())).get("responseCode").getAsInt());
    TSP.on("createToken", () -> {
      throw new VaultBusy();
    });
    Http.Reply busy = create(UUID.randomUUID().toString());
    assertEquals(503, busy.code());
    assertEquals("7", busy.header("Retry-After"));
    assertEquals(ServerEvent.Outcome.RETRY_LATER, lastEvent().outcome());
    assertTrue(FAILURES.isEmpty(), "typed answers are not failures");
    TSP.on("createToken", () -> {
      throw new Unmappable();
    });
    Http.Reply unmapped = create(UUID.randomUUID().toString());
    assertEquals(921, json(unmapped).get("responseCode").getAsInt());
    assertEquals(ServerEvent.Outcome.HANDLER_FAILED, lastEvent().outcome());
    assertTrue(FAILURES.get(0)[0] instanceof Unmappable);
    COF.on("notifyBindingCreation", () -> {
      throw new TokenGone();
    });
    assertEquals(404, http.send("POST", "/tsh-cof/notify-binding-creation", Samples.bindingCreation(),
        "authorization", "APIKEY " + Samples.API_KEY, "x-correlation-id", UUID.randomUUID().toString()).code());
  }

  @Test
  void aNullResultIsNamedAsSuch() throws Exception {
    TSP.on("createToken", () -> null);
    String id = UUID.randomUUID().toString();
    Http.Reply reply = create(id);
    assertEquals(400, reply.code());
    assertEquals(921, json(reply).get("responseCode").getAsInt());
    assertEquals(ServerEvent.Outcome.NULL_RESULT, lastEvent().outcome());
    Throwable error = (Throwable) FAILURES.get(0)[0];
    assertTrue(error.getMessage().contains("returned null for createToken"), error.getMessage());
    assertEquals(id, ((RequestContext) FAILURES.get(0)[1]).requestId().orElseThrow());
    // PAT: a null result is the empty envelope the SDK completes, as documented
    Http.Reply pat = http.send("POST", "/pat/token/state/provisioned",
        Samples.provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString()));
    assertEquals(200, pat.code());
  }

  @Test
  void theErrorHookGetsTheExceptionWithItsStackTraceAndTheRequestId() throws Exception {
    IllegalStateException thrown = new IllegalStateException("vault said no");
    TSP.on("createToken", () -> {
      throw thrown;
    });
    Http.Reply reply = create("hook-1");
    assertEquals(921, json(reply).get("responseCode").getAsInt());
    assertFalse(reply.body().contains("vault said no"));
    assertEquals(1, FAILURES.size());
    assertTrue(FAILURES.get(0)[0] == thrown);
    assertTrue(thrown.getStackTrace().length > 0);
    RequestContext context = (RequestContext) FAILURES.get(0)[1];
    assertEquals("hook-1", context.requestId().orElseThrow());
    assertEquals("createToken", context.operationId());
  }

  @Test
  void theListenerSeesOperationStatusLatencyOutcomeAndDedupeHits() throws Exception {
    Http.Reply first = create("listen-1");
    assertEquals(200, first.code());
    create("listen-1");
    http.send("GET", "/tsp/trapi/v1.0/nothing", null, "x-request-id", "listen-2");
    assertEquals(3, EVENTS.size());
    ServerEvent success = EVENTS.get(0);
    assertEquals(io.tokensdk.spec.SpecId.TSP, success.spec());
    assertEquals("createToken", success.operationId());
    assertEquals(200, success.httpStatus());
    assertEquals(ServerEvent.Outcome.SUCCESS, success.outcome());
    assertEquals("listen-1", success.requestId());
    assertNotNull(success.latency());
    assertFalse(success.dedupeHit());
    assertTrue(EVENTS.get(1).dedupeHit());
    assertEquals(ServerEvent.Outcome.REPLAYED, EVENTS.get(1).outcome());
    assertEquals(404, EVENTS.get(2).httpStatus());
    assertEquals(ServerEvent.Outcome.REJECTED, EVENTS.get(2).outcome());
    assertNull(EVENTS.get(2).operationId());
  }

  @Test
  void aListenerOrHookThatThrowsDoesNotChangeTheAnswer() throws Exception {
    try (ServletHost other = ServletHost.start(TokenSdkDispatcher.builder()
        .mount(new TestHandlers.FullTsp(new Recorder()))
        .listener(e -> {
          throw new IllegalStateException("listener bug");
        })
        .handlerErrorHook((e, c) -> {
          throw new IllegalStateException("hook bug");
        }).build())) {
      Http client = new Http(other.url());
      assertEquals(200, client.send("POST", "/tsp/trapi/v1.0/tokens", CREATE, "x-request-id", "x").code());
      client.close();
    }
  }
}
