package io.tokensdk.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.tsp.TspClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code @ExtendWith(TokenSdkFakes.class)}: TLS fakes per test, resolved as parameters. */
@ExtendWith(TokenSdkFakes.class)
class ExtendWithTest {
  @Test
  void resolvesTheFakesAsParameters(FakeTsp tsp, FakeCofReceiver cof, FakePatReceiver pat, TestKeys keys) {
    assertTrue(tsp.tls() && cof.tls() && pat.tls());
    assertTrue(cof.baseUrl().endsWith("/tsh-cof") && pat.baseUrl().endsWith("/pat"));
    assertTrue(tsp.keys() == keys);
    new TspClient(tsp.clientConfig().build()).healthCheck();
  }
}
