package io.tokensdk.examples.readme;

import com.nimbusds.jose.jwk.RSAKey;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.TokenIdentifiers;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenRequestor;
import io.tokensdk.model.pat.TokenState;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/** Tells a bank that a token was provisioned, with the real account number sealed to the bank's key. */
public final class PatSenderQuickStart {
  public static void main(String[] args) {
    String bankUrl = args.length > 0 ? args[0] : "https://localhost:8445/pat";
    Path keys = Path.of(args.length > 1 ? args[1] : "peer-files");

    try (PatNotificationClient pat = new PatNotificationClient(ClientConfig.builder(bankUrl)
        .clientCertificatePem(keys.resolve("tls-client.pem"), keys.resolve("tls-client.key"))
        .trustedCertificatesPem(keys.resolve("tls-ca.pem"))
        .build())) {
      // encryptedRealAccountNumber: a JWE (RSA-OAEP-256, A256GCM) sealed to the bank's public RSA key
      RSAKey bankKey = JwkLoader.loadKey(keys.resolve("bank.public.jwk.json")).toRSAKey();
      String sealedAccount = JweSealer.rsaOaep256(bankKey).seal(AccountNumber.of("4111111111111111"));

      NotificationResponse answer = pat.notifyTokenProvisioned(new TokenProvisionedNotification()
          .token(new TokenIdentifiers().tokenReferenceId("DNITHE302019110000000001").tokenLast4("0001"))
          .tokenRequestor(new TokenRequestor().tokenRequestorId("40010030273"))
          .tokenState(TokenState.ACTIVE)
          .encryptedRealAccountNumber(sealedAccount)
          .provisionedTimestamp(OffsetDateTime.now()));
      // messageId and conversationId are filled in (UUIDs) when you leave them out
      System.out.println("bank answered " + answer.getStatusCode());
    }
  }
}
