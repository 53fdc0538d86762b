package io.tokensdk.examples.readme;

import io.tokensdk.crypto.PanMask;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.server.PatErrorException;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.jetty.TokenSdkServer;
import io.tokensdk.server.pat.PatNotificationHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bank receiving Visa PAT notifications: opens the encrypted real account number. */
public final class MyBank extends PatNotificationHandler {
  private final JweOpener accounts;                                  // RSA-OAEP-256 + A256GCM, by kid
  private final Map<String, String> links = new ConcurrentHashMap<>();   // tokenReferenceId -> masked account

  public MyBank(Path keys) {
    accounts = JweOpener.rsaOaep256(JwkLoader.loadSet(keys.resolve("bank.jwks.json")));
  }

  @Override public NotificationResponse notifyTokenProvisioned(TokenProvisionedNotification n, RequestContext ctx) {
    AccountNumber account = accounts.open(n.getEncryptedRealAccountNumber(), AccountNumber.TYPE);
    links.put(n.getToken().getTokenReferenceId(), PanMask.mask(account.value()));   // log masked values only
    return new NotificationResponse();             // statusCode 0000; messageId and conversationId echoed
  }

  @Override public NotificationResponse notifyTokenStateChanged(TokenStateChangedNotification n, RequestContext ctx) {
    if (!links.containsKey(n.getToken().getTokenReferenceId())) {
      throw new PatErrorException(StatusCode._1301, "unknown token");   // 400, statusCode 1301
    }
    return new NotificationResponse();
  }

  public String maskedAccount(String tokenReferenceId) {
    return links.get(tokenReferenceId);
  }

  /** Serves the PAT notifications at https://host:port/pat with mutual TLS. */
  public static TokenSdkServer serve(MyBank bank, Path keys, int port) throws Exception {
    return TokenSdkServer.builder().port(port)
        .tlsPem(keys.resolve("server.pem"), keys.resolve("server.key"), keys.resolve("clients-ca.pem"))
        .mount(bank)
        .build().start();
  }

  public static void main(String[] args) throws Exception {
    Path keys = Path.of(args.length > 0 ? args[0] : "bank-keys");
    serve(new MyBank(keys), keys, 8445);
  }
}
