package io.tokensdk.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.testing.Fault;
import io.tokensdk.testing.TokenSdkFakes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MyRetryTest {
  @RegisterExtension static final TokenSdkFakes fakes = TokenSdkFakes.tls();   // fake TSP, COF and PAT on loopback

  @Test void aTspAnswering503IsRetried() {
    fakes.tsp().failNext(Fault.retryLater(Duration.ZERO));
    try (TspClient tsp = new TspClient(fakes.tsp().clientConfig().build())) {
      tsp.healthCheck();
    }
    assertEquals(2, fakes.tsp().received().size());
  }
}
