package io.tokensdk.examples.readme;

import io.tokensdk.testing.TspConformanceKit;
import org.junit.jupiter.api.Test;

class MyTspConformanceTest {
  @Test void myTspAnswersAsTheSpecSays() {
    TspConformanceKit.check(keys -> new MyTsp(keys.cardInfoKey(), keys.cardInfoCertificate(),
        keys.credentialsRecipient())).assertConforms();
  }
}
