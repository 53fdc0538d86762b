package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request fingerprint is the SHA-256 of method, path and body, whatever ran on the thread before. */
class DeduplicatorFingerprintTest {
  private static final byte[] BODY = "{\"issuerId\":\"ISSUER0001\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void itIsTheSha256OfMethodPathAndBody() throws Exception {
    assertEquals(sha256("POST", "/tokens", BODY), Deduplicator.fingerprint("POST", "/tokens", BODY));
    assertEquals(Deduplicator.fingerprint("POST", "/tokens", BODY), Deduplicator.fingerprint("POST", "/tokens", BODY));
    assertNotEquals(Deduplicator.fingerprint("POST", "/tokens", BODY),
        Deduplicator.fingerprint("POST", "/tokens", "{}".getBytes(StandardCharsets.UTF_8)));
    assertNotEquals(Deduplicator.fingerprint("POST", "/tokens", BODY), Deduplicator.fingerprint("PUT", "/tokens", BODY));
  }

  @Test
  void aFailedCallLeavesNothingBehindForTheNext() throws Exception {
    assertThrows(NullPointerException.class, () -> Deduplicator.fingerprint("POST", null, BODY));
    assertThrows(NullPointerException.class, () -> Deduplicator.fingerprint("POST", "/tokens", null));
    assertEquals(sha256("POST", "/tokens", BODY), Deduplicator.fingerprint("POST", "/tokens", BODY));
  }

  @Test
  void threadsComputingAtOnceEachGetTheirOwnRequestsDigest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        runs.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            byte[] body = ("{\"n\":" + thread + "." + i + "}").getBytes(StandardCharsets.UTF_8);
            assertEquals(sha256("POST", "/t" + thread, body), Deduplicator.fingerprint("POST", "/t" + thread, body));
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String sha256(String method, String path, byte[] body) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(method.getBytes(StandardCharsets.US_ASCII));
    all.write(0);
    all.write(path.getBytes(StandardCharsets.UTF_8));
    all.write(0);
    all.write(body);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
  }
}
