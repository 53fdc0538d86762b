package io.tokensdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.NetworkException;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.tsp.TspClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fakes on plain HTTP, started per test when registered on an instance field. */
class PlainFakesTest {
  @RegisterExtension
  final TokenSdkFakes fakes = TokenSdkFakes.plain();

  @Test
  void servePlainHttp() {
    assertTrue(fakes.tsp().baseUrl().startsWith("http://localhost:"));
    assertTrue(fakes.tsp().baseUrl().endsWith("/tsp/trapi/v1.0"));
    new TspClient(fakes.tsp().clientConfig().build()).healthCheck();
    assertEquals(1, fakes.tsp().received().size());
  }

  @Test
  void aTlsClientCannotTalkToAPlainFake() {
    String https = fakes.tsp().baseUrl().replace("http://", "https://");
    assertThrows(NetworkException.class, () -> new TspClient(fakes.keys().clientConfig(https)
        .retryPolicy(RetryPolicy.NONE).build()).healthCheck());
  }
}
