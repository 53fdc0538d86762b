package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The ids the client fills in: canonical version 4 UUIDs, all distinct, every random bit varying. */
class RequestIdsTest {

  @Test
  void idsAreCanonicalVersionFourUuids() {
    for (int i = 0; i < 1_000; i++) {
      String id = RequestIds.next();
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
      assertEquals(parsed.toString(), id, "lower-case, 8-4-4-4-12");
    }
  }

  @Test
  void idsFromManyThreadsAreDistinct() throws Exception {
    int threads = 8;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> drawn = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        drawn.add(pool.submit(() -> {
          List<String> ids = new ArrayList<>(perThread);
          for (int i = 0; i < perThread; i++) {
            ids.add(RequestIds.next());
          }
          return ids;
        }));
      }
      Set<String> all = new HashSet<>();
      for (Future<List<String>> ids : drawn) {
        all.addAll(ids.get());
      }
      assertEquals(threads * perThread, all.size(), "no id repeats, within a draw or across draws and stripes");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyRandomBitTakesBothValues() {
    long highOnes = 0;
    long highZeros = 0;
    long lowOnes = 0;
    long lowZeros = 0;
    for (int i = 0; i < 2_000; i++) {
      UUID id = UUID.fromString(RequestIds.next());
      highOnes |= id.getMostSignificantBits();
      highZeros |= ~id.getMostSignificantBits();
      lowOnes |= id.getLeastSignificantBits();
      lowZeros |= ~id.getLeastSignificantBits();
    }
    long highRandom = ~0xF000L;
    long lowRandom = 0x3FFFFFFFFFFFFFFFL;
    assertEquals(highRandom, highOnes & highZeros & highRandom, "every random bit of the high half varies");
    assertEquals(lowRandom, lowOnes & lowZeros & lowRandom, "every random bit of the low half varies");
    assertTrue((highOnes & 0xF000L) == 0x4000L && (highZeros & 0xF000L) == 0xB000L, "the version is always 4");
  }
}
