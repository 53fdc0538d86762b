package io.tokensdk.spring.sample;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.server.CofErrorException;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.cof.CofNotificationHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token requestor for the sample: keeps the COF bindings it is told about. */
public class SampleMerchant extends CofNotificationHandler {
  private final Map<String, String> bindings = new ConcurrentHashMap<>();

  @Override
  public void notifyBindingCreation(BindingCreationNotification n, RequestContext ctx) {
    bindings.put(n.getTokenId(), "CREATED");                               // answered 204
  }

  @Override
  public void notifyBindingUpdate(BindingUpdateNotification n, RequestContext ctx) {
    if (!bindings.containsKey(n.getTokenId())) {
      throw new CofErrorException(404);
    }
    bindings.put(n.getTokenId(), n.getBindingStateAsString());
  }

  /** The binding state of a token, or null. */
  public String binding(String tokenId) {
    return bindings.get(tokenId);
  }
}
