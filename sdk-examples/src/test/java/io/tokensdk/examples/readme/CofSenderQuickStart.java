package io.tokensdk.examples.readme;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.SelectedIdvMethod;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sends a COF binding notification to a merchant. */
public final class CofSenderQuickStart {
  public static void main(String[] args) throws Exception {
    String merchantUrl = args.length > 0 ? args[0] : "https://localhost:8444/tsh-cof";
    Path keys = Path.of(args.length > 1 ? args[1] : "peer-files");

    try (CofNotificationClient cof = new CofNotificationClient(ClientConfig.builder(merchantUrl)
        .clientCertificatePem(keys.resolve("tls-client.pem"), keys.resolve("tls-client.key"))
        .trustedCertificatesPem(keys.resolve("tls-ca.pem"))
        .apiKey(Files.readString(keys.resolve("cof-api-key.txt")).strip())   // authorization: APIKEY <key>
        .build())) {
      cof.notifyBindingCreation(new BindingCreationNotification()
          .merchantId("merchant-1").tokenId("tok-1").deviceId("device-1").selectedIdvMethod(SelectedIdvMethod.OTP_SMS));
    }
    // a fresh x-correlation-id is sent, and kept across retries so that the merchant can dedupe them
  }
}
