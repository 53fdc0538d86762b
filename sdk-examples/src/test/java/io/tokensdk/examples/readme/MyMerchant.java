package io.tokensdk.examples.readme;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.CofErrorException;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.cof.CofNotificationHandler;
import io.tokensdk.server.jetty.TokenSdkServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A merchant (token requestor) receiving COF binding notifications from Thales. */
public final class MyMerchant extends CofNotificationHandler {
  private final Map<String, String> bindings = new ConcurrentHashMap<>();   // tokenId -> binding state

  @Override public void notifyBindingCreation(BindingCreationNotification n, RequestContext ctx) {
    bindings.put(n.getTokenId(), "ACTIVE");                                 // answered 204
  }

  @Override public void notifyBindingUpdate(BindingUpdateNotification n, RequestContext ctx) {
    if (!bindings.containsKey(n.getTokenId())) {
      throw new CofErrorException(404);
    }
    bindings.put(n.getTokenId(), n.getBindingStateAsString());   // updates may arrive out of order: compare
  }                                                              // n.getLastUpdateTimestamp() in real code

  public String bindingState(String tokenId) {
    return bindings.get(tokenId);
  }

  /** Serves the COF notifications at https://host:port/tsh-cof with mutual TLS and the APIKEY check. */
  public static TokenSdkServer serve(MyMerchant merchant, Path keys, int port) throws Exception {
    return TokenSdkServer.builder().port(port)
        .tlsPem(keys.resolve("server.pem"), keys.resolve("server.key"), keys.resolve("clients-ca.pem"))
        .mount(merchant, MountOptions.builder()
            .apiKeys(ApiKeys.of(Files.readString(keys.resolve("cof-api-key.txt")).strip()))   // else 401
            .build())                                    // redeliveries (same x-correlation-id) are deduped
        .build().start();
  }

  public static void main(String[] args) throws Exception {
    serve(new MyMerchant(), Path.of(args.length > 0 ? args[0] : "merchant-keys"), 8444);
  }
}
