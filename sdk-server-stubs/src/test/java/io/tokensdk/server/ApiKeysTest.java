package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void acceptsOnlyTheConfiguredKeys() {
    ApiKeys keys = ApiKeys.of("key-one", "key-two");
    assertTrue(keys.matches("key-one"));
    assertTrue(keys.matches("key-two"));
    assertFalse(keys.matches("key-three"));
    assertFalse(keys.matches("key-on"));
    assertFalse(keys.matches(""));
    assertFalse(keys.matches(null));
  }

  @Test
  void rotatingKeysAreReadOnEveryCall() {
    AtomicReference<List<String>> current = new AtomicReference<>(List.of("old"));
    ApiKeys keys = ApiKeys.rotating(current::get);
    assertTrue(keys.matches("old"));
    current.set(List.of("new"));
    assertFalse(keys.matches("old"));
    assertTrue(keys.matches("new"));
    current.set(List.of());
    assertFalse(keys.matches("new"));
  }

  /** Each thread MACs with a keyed copy of its own: threads that check at once never see each other's input. */
  @Test
  void threadsCheckingAtOnceEachGetTheirOwnAnswer() throws Exception {
    ApiKeys keys = ApiKeys.of("the-right-key-0123456789");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> wrongAnswers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        boolean right = t % 2 == 0;
        String presented = right ? "the-right-key-0123456789" : "a-wrong-key-of-another-length-" + t;
        wrongAnswers.add(pool.submit(() -> {
          int wrong = 0;
          for (int i = 0; i < 20_000; i++) {
            if (keys.matches(presented) != right) {
              wrong++;
            }
          }
          return wrong;
        }));
      }
      for (Future<Integer> wrong : wrongAnswers) {
        assertEquals(0, wrong.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringNamesNoKey() {
    assertEquals("ApiKeys{redacted}", ApiKeys.of("secret-key").toString());
  }
}
