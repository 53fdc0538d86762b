package io.tokensdk.benchmarks;

import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.jetty.ClientAuth;
import io.tokensdk.server.jetty.TokenSdkServer;
import javax.net.ssl.SSLContext;

/** The SDK's embedded host (Jetty) on loopback with its defaults, serving the fixed-answer TSP and an accepting merchant. */
final class SdkHost implements LoopbackHost {
  private final TokenSdkServer server;

  SdkHost(SSLContext tls, String apiKey) throws Exception {
    TokenSdkServer.Builder builder = TokenSdkServer.builder().port(0)
        .bindAddress(java.net.InetAddress.getLoopbackAddress())
        .mount(new BenchApis.FixedTsp())
        .mount(new BenchApis.AcceptingMerchant(), MountOptions.builder().apiKeys(ApiKeys.of(apiKey)).build());
    if (tls != null) {
      builder.tls(tls, ClientAuth.REQUIRED);
    }
    server = builder.build().start();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
