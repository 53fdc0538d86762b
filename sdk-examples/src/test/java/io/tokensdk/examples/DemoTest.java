package io.tokensdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.keys.KeyFiles;
import io.tokensdk.examples.servers.SampleServers;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo, in-process: exit code 0, every step ok, no plaintext PAN printed. */
class DemoTest {
  private static final String TEST_FPAN = "4111111111111111";

  @Test
  void theDemoPassesAndPrintsNoPlaintextPan() {
    Cli run = Cli.run("", "demo");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("Demo passed"), run.out());
    assertFalse(run.out().contains(" FAIL "), run.out());
    assertTrue(run.out().contains("503 Service Unavailable once, then 204: attempts=2"), run.out());
    assertFalse(run.out().contains(TEST_FPAN), "plaintext PAN printed");
    assertFalse(run.out().matches("(?s).*\\b[0-9]{13,19}\\b.*"), "an unmasked PAN-like number was printed");
  }

  @Test
  void theDemoDrivesServersGivenByUrlWithTheFilesServeWrites(@TempDir Path dir) {
    DemoKeys keys = DemoKeys.generate();
    KeyFiles.write(keys, dir);
    try (SampleServers peer = SampleServers.start(keys, InetAddress.getLoopbackAddress(), 0, 0, 0,
        keys.serverSslContext())) {
      Cli run = Cli.run("", "demo", "--tsp-url", peer.tspUrl(), "--cof-url", peer.cofUrl(), "--pat-url",
          peer.patUrl(), "--keys-dir", dir.toString());
      assertEquals(0, run.exitCode(), run.out() + run.err());
      assertTrue(run.out().contains("skip"), "fault injection needs the local TSP: " + run.out());
      assertEquals(1, peer.cof().handledCount() > 0 ? 1 : 0, "the remote COF receiver was not called");
    }
  }

  @Test
  void aRemoteTspWithoutKeysIsAClearError() {
    Cli run = Cli.run("", "demo", "--tsp-url", "https://localhost:1/tsp/trapi/v1.0");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("card-info-cert.pem"), run.err());
  }
}
