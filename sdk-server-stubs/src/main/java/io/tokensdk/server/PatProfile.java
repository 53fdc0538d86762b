package io.tokensdk.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.Violation;
import java.util.UUID;

/**
 * PAT: every answer is the {@code notificationResponse} envelope, echoing {@code messageId} and {@code conversationId}
 * when they could be read: 0000 on 200, 1301 on 400, 1300 on 500. Dedupes by {@code messageId}.
 */
final class PatProfile extends ApiProfile {
  static final String SUCCESS = "Success.";
  static final String INVALID = "Invalid request.";
  static final String INTERNAL = "Unknown internal server error. Try again later.";
  static final String UNKNOWN = "Unknown error.";
  private static final int MAX_MESSAGE = 256;

  @Override
  ServerResponse invalid(Violation first, JsonElement body) {
    return envelope(400, StatusCode._1301, INVALID + " " + first.message(), body);
  }

  @Override
  ServerResponse malformed() {
    return envelope(400, StatusCode._1301, INVALID + " Malformed JSON.", null);
  }

  @Override
  ServerResponse success(SpecOperation operation, Object result, JsonElement body) {
    NotificationResponse response = result == null ? new NotificationResponse() : (NotificationResponse) result;
    echoIds(response, body);
    if (response.getStatusCodeAsString() == null) {
      response.setStatusCode(StatusCode._0000);
    }
    if (response.getStatusMessage() == null) {
      response.setStatusMessage(SUCCESS);
    }
    return ServerResponse.json(operation.successStatus(), TokenSdkJson.write(response));
  }

  @Override
  ServerResponse businessError(Exception error, JsonElement body) {
    if (error instanceof PatErrorException pat) {
      String message = pat.getMessage() != null ? pat.getMessage() : defaultMessage(pat.statusCode());
      return envelope(pat.httpStatus(), pat.statusCode(), message, body);
    }
    if (error instanceof OperationNotSupportedException) {
      return envelope(500, StatusCode._1399, UNKNOWN, body);
    }
    return null;
  }

  @Override
  ServerResponse unexpected(JsonElement body) {
    return envelope(500, StatusCode._1300, INTERNAL, body);
  }

  @Override
  String dedupeKey(ServerRequest request, JsonElement body) {
    UUID id = uuid(body, "messageId");
    return id == null ? null : id.toString();
  }

  private static String defaultMessage(StatusCode code) {
    return code == StatusCode._1301 ? INVALID : code == StatusCode._1300 ? INTERNAL : UNKNOWN;
  }

  private static ServerResponse envelope(int status, StatusCode code, String message, JsonElement body) {
    String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    NotificationResponse response = new NotificationResponse().statusCode(code).statusMessage(text);
    echoIds(response, body);
    return ServerResponse.json(status, TokenSdkJson.write(response));
  }

  private static void echoIds(NotificationResponse response, JsonElement body) {
    if (response.getMessageId() == null) {
      response.setMessageId(uuid(body, "messageId"));
    }
    if (response.getConversationId() == null) {
      response.setConversationId(uuid(body, "conversationId"));
    }
  }

  private static UUID uuid(JsonElement body, String field) {
    if (body == null || !body.isJsonObject()) {
      return null;
    }
    JsonElement value = ((JsonObject) body).get(field);
    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      return null;
    }
    String text = value.getAsString();
    if (text.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
