package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * PAT: every answer is the {@code notificationResponse} envelope, echoing {@code messageId} and {@code conversationId}
 * when they could be read, with the status code and HTTP status of the spec's table: 0000 on 200, 1301 on 400, 1300 when
 * unexpected.
 */
final class PatProfile extends ApiProfile {
  private static final int MAX_MESSAGE = 256;

  PatProfile() {
    super(SpecId.PAT);
  }

  /** The ids a notification shares with its answer's envelope, read leniently. */
  private record Ids(String messageId, String conversationId) {}

  @Override
  ServerResponse invalid(Violation first, JsonElement body) {
    return envelope(StatusCode._1301, StatusCode._1301.description() + " " + first.message(), body);
  }

  @Override
  ServerResponse malformed() {
    return envelope(StatusCode._1301, StatusCode._1301.description() + " Malformed JSON.", null);
  }

  @Override
  Object successBody(SpecOperation operation, Object result, Supplier<JsonElement> body) {
    NotificationResponse response = result == null ? new NotificationResponse() : (NotificationResponse) result;
    echoIds(response, body.get());
    if (response.getStatusCodeAsString() == null) {
      response.setStatusCode(StatusCode._0000);
    }
    if (response.getStatusMessage() == null) {
      response.setStatusMessage(StatusCode._0000.description());
    }
    return response;
  }

  @Override
  ServerResponse businessError(Exception error, JsonElement body) {
    if (error instanceof PatErrorException pat) {
      String message = pat.getMessage() != null ? pat.getMessage() : pat.statusCode().description();
      return envelope(pat.statusCode(), message, body);
    }
    if (error instanceof OperationNotSupportedException) {
      return envelope(StatusCode._1399, StatusCode._1399.description(), body);
    }
    return null;
  }

  @Override
  ServerResponse unexpected(JsonElement body) {
    return envelope(StatusCode._1300, StatusCode._1300.description(), body);
  }

  private static ServerResponse envelope(StatusCode code, String message, JsonElement body) {
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    NotificationResponse response = new NotificationResponse().statusCode(code).statusMessage(text);
    echoIds(response, body);
    return ServerResponse.json(code.httpStatus(), TokenSdkJson.write(response));
  }

  private static void echoIds(NotificationResponse response, JsonElement body) {
    Ids ids = ids(body);
    if (response.getMessageId() == null) {
      response.setMessageId(uuid(ids.messageId()));
    }
    if (response.getConversationId() == null) {
      response.setConversationId(uuid(ids.conversationId()));
    }
  }

  private static Ids ids(JsonElement body) {
    if (body == null || !body.isJsonObject()) {
      return new Ids(null, null);
    }
    try {
      return TokenSdkJson.gson().fromJson(body, Ids.class);
    } catch (JsonParseException e) {
      return new Ids(null, null);
    }
  }

  private static UUID uuid(String text) {
    if (text == null || text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
