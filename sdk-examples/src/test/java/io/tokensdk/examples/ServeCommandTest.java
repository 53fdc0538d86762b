package io.tokensdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.examples.keys.DemoKeys;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve}'s command line and the certificates it generates. */
class ServeCommandTest {
  @Test
  void helpPrintsTheUsageAndExitsZero() {
    Cli run = Cli.run("", "serve", "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--tsp-port"), run.out());
    assertTrue(run.out().contains("--client-ca"), run.out());
  }

  @Test
  void demoHelpPrintsTheUsageToo() {
    Cli run = Cli.run("", "demo", "--help");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--tsp-url"), run.out());
  }

  @Test
  void generatedTlsCertificatesOutliveADay() {
    DemoKeys keys = DemoKeys.generate();
    for (X509Certificate certificate : List.of(keys.tlsCa().certificate(), keys.tlsServer().certificate(),
        keys.tlsClient().certificate())) {
      long validMillis = certificate.getNotAfter().getTime() - System.currentTimeMillis();
      assertTrue(validMillis > Duration.ofDays(30).toMillis(), certificate.getSubjectX500Principal() + " expires "
          + certificate.getNotAfter());
      assertTrue(certificate.getNotBefore().getTime() < System.currentTimeMillis());
    }
  }
}
