package io.tokensdk.spring.sample;

import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.server.PatErrorException;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.pat.PatNotificationHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bank for the sample: links provisioned tokens. A real bank opens {@code encryptedRealAccountNumber} with
 * {@code sdk-crypto}'s {@code JweOpener} and logs only the masked account number.
 */
public class SampleBank extends PatNotificationHandler {
  private final Map<String, String> states = new ConcurrentHashMap<>();

  @Override
  public NotificationResponse notifyTokenProvisioned(TokenProvisionedNotification n, RequestContext ctx) {
    states.put(n.getToken().getTokenReferenceId(), n.getTokenStateAsString());
    return new NotificationResponse();                                     // statusCode 0000, ids echoed
  }

  @Override
  public NotificationResponse notifyTokenStateChanged(TokenStateChangedNotification n, RequestContext ctx) {
    if (!states.containsKey(n.getToken().getTokenReferenceId())) {
      throw new PatErrorException(StatusCode._1301, null);                 // 400, statusCode 1301
    }
    states.put(n.getToken().getTokenReferenceId(), n.getTokenStateAsString());
    return new NotificationResponse();
  }

  /** The state of a token, or null. */
  public String state(String tokenReferenceId) {
    return states.get(tokenReferenceId);
  }
}
