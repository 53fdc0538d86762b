package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The PAT API over real HTTP: the response envelope, 1301/1300, and dedupe by messageId. */
class PatDispatchTest extends ServerFixture {
  private static final String PROVISIONED = "/token/state/provisioned";

  private static JsonObject envelope(Http.Reply reply, int status, String code) {
    assertEquals(status, reply.code(), reply.body());
    assertJsonContentType(reply);
    JsonObject json = JsonParser.parseString(reply.body()).getAsJsonObject();
    assertEquals(code, json.get("statusCode").getAsString());
    return json;
  }

  @Test
  void successEchoesTheIds() throws Exception {
    String messageId = UUID.randomUUID().toString();
    String conversationId = UUID.randomUUID().toString();
    JsonObject json = envelope(pat(PROVISIONED, Samples.provisioned(messageId, conversationId)), 200, "0000");
    assertEquals(messageId, json.get("messageId").getAsString());
    assertEquals(conversationId, json.get("conversationId").getAsString());
    assertEquals("Success.", json.get("statusMessage").getAsString());
    TokenProvisionedNotification body = (TokenProvisionedNotification) PAT.calls.get(0).body();
    assertEquals(messageId, body.getMessageId().toString());
  }

  @Test
  void theHandlersEnvelopeIsCompleted() throws Exception {
    PAT.on("notifyTokenProvisioned", () -> new NotificationResponse().stateChangeReasonCode("INITIATED_BY_REQUESTOR"));
    JsonObject json = envelope(pat(PROVISIONED, Samples.provisioned(UUID.randomUUID().toString(),
        UUID.randomUUID().toString())), 200, "0000");
    assertEquals("INITIATED_BY_REQUESTOR", json.get("stateChangeReasonCode").getAsString());
  }

  @Test
  void invalidRequestIs1301EchoingTheIds() throws Exception {
    String messageId = UUID.randomUUID().toString();
    String conversationId = UUID.randomUUID().toString();
    String body = Samples.provisioned(messageId, conversationId).replace("\"ACTIVE\"", "\"BURNT\"");
    JsonObject json = envelope(pat(PROVISIONED, body), 400, "1301");
    assertEquals(messageId, json.get("messageId").getAsString());
    assertEquals(conversationId, json.get("conversationId").getAsString());
    assertTrue(json.get("statusMessage").getAsString().contains("tokenState"));
    JsonObject missing = envelope(pat(PROVISIONED, "{\"messageId\":\"" + messageId + "\"}"), 400, "1301");
    assertEquals(messageId, missing.get("messageId").getAsString());
    assertNull(missing.get("conversationId"));
    assertTrue(PAT.calls.isEmpty());
  }

  @Test
  void malformedJsonIs1301WithoutIds() throws Exception {
    JsonObject json = envelope(pat(PROVISIONED, "{\"messageId\":"), 400, "1301");
    assertNull(json.get("messageId"));
  }

  @Test
  void typedAndUnexpectedErrors() throws Exception {
    PAT.on("notifyTokenProvisioned", () -> {
      throw new PatErrorException(StatusCode._1399, null);
    });
    String body = Samples.provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    assertEquals("Unknown error.", envelope(pat(PROVISIONED, body), 500, "1399").get("statusMessage").getAsString());
    PAT.on("notifyTokenProvisioned", () -> {
      throw new IllegalStateException("account 4111111111111111");
    });
    Http.Reply reply = pat(PROVISIONED, body);
    JsonObject json = envelope(reply, 500, "1300");
    assertFalse(reply.body().contains("4111111111111111"));
    assertEquals("Unknown internal server error. Try again later.", json.get("statusMessage").getAsString());
    PAT.on("notifyTokenProvisioned", () -> {
      throw new RetryLaterException(java.time.Duration.ofSeconds(5));
    });
    Http.Reply later = pat(PROVISIONED, body);
    envelope(later, 500, "1300");
    assertEquals("5", later.header("Retry-After"));
  }

  @Test
  void duplicatesByMessageIdAndRetriesAfterFailure() throws Exception {
    String messageId = UUID.randomUUID().toString();
    String body = Samples.provisioned(messageId, UUID.randomUUID().toString());
    PAT.on("notifyTokenProvisioned", () -> {
      throw new IllegalStateException("transient");
    });
    envelope(pat(PROVISIONED, body), 500, "1300");
    PAT.on("notifyTokenProvisioned", () -> null);
    String first = pat(PROVISIONED, body).body();
    Http.Reply again = pat(PROVISIONED, body);
    envelope(again, 200, "0000");
    assertEquals(first, again.body());
    assertEquals(2, PAT.count("notifyTokenProvisioned"));
    envelope(pat(PROVISIONED, Samples.provisioned(UUID.randomUUID().toString(), UUID.randomUUID().toString())),
        200, "0000");
    assertEquals(3, PAT.count("notifyTokenProvisioned"));
  }
}
