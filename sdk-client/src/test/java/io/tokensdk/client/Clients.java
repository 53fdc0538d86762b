package io.tokensdk.client;

import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import java.util.function.UnaryOperator;
import okhttp3.mockwebserver.MockWebServer;

/** The three typed clients, pointed at one server under each spec's base path. */
record Clients(TspClient tsp, CofNotificationClient cof, PatNotificationClient pat) {

  static Clients against(MockWebServer server, UnaryOperator<ClientConfig.Builder> customize) {
    return against(path -> server.url(path).toString(), customize);
  }

  static Clients against(UnaryOperator<String> urlOfPath, UnaryOperator<ClientConfig.Builder> customize) {
    return new Clients(
        new TspClient(customize.apply(builder(urlOfPath, "/tsp/trapi/v1.0")).build()),
        new CofNotificationClient(customize.apply(builder(urlOfPath, "/tsh-cof").apiKey(SecretLog.API_KEY)).build()),
        new PatNotificationClient(customize.apply(builder(urlOfPath, "/pat")).build()));
  }

  private static ClientConfig.Builder builder(UnaryOperator<String> urlOfPath, String basePath) {
    return ClientConfig.builder(urlOfPath.apply(basePath)).httpLog(SecretLog.sink());
  }
}
