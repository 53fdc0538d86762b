package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.tsp.TokenInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only text that JSON writes unescaped is plain, and the one-pass writer's short cut writes what Gson writes. */
class PlainTextTest {
  /** Every character JSON or HTML-safe JSON escapes, other non-ASCII, and DEL (which JSON writes as it is). */
  private static final String[] SPECIAL = {"\"", "\\", "\u0000", "\n", "\u001f", "é", "\u0080", "\u00ff", "\u2028",
      "\u2029", "\uD83D\uDE00", "<", ">", "&", "=", "'", "\u007f"};

  @Test
  void printableAsciiOtherThanQuoteAndBackslashIsPlain() {
    StringBuilder all = new StringBuilder();
    for (char c = 0x20; c < 0x7f; c++) {
      if (c != '"' && c != '\\') {
        all.append(c);
      }
    }
    assertTrue(PlainText.isPlain(all.toString()));
    assertTrue(PlainText.isPlain(""));
    assertTrue(PlainText.isPlain("\u007f"));
  }

  @Test
  void aCharacterThatNeedsCareIsFoundAtEveryPositionOfAWordOrOfTheTail() {
    for (String special : SPECIAL) {
      if (special.equals("\u007f") || "<>&='".contains(special)) {
        continue;
      }
      for (int length = 1; length <= 25; length++) {
        for (int at = 0; at < length; at++) {
          String text = "a".repeat(at) + special + "b".repeat(length - at - 1);
          assertFalse(PlainText.isPlain(text), () -> "plain: " + escaped(text));
        }
      }
    }
  }

  @Test
  void theOnePassWriterWritesEveryStringAsGsonDoes() {
    Gson htmlSafe = new GsonBuilder().create();
    JsonObject schema = ApiSpec.of(SpecId.TSP).schema("tokenInfo").orElseThrow();
    SchemaValidator validator = TokenSdkJson.validator(SpecId.TSP);
    for (String text : texts()) {
      TokenInfo model = new TokenInfo().last4("5678").encryptedData(text);
      for (Gson gson : new Gson[] {TokenSdkJson.gson(), htmlSafe}) {
        byte[] written = validator.writeConforming(model, schema, gson).orElseThrow();
        assertArrayEquals(gson.toJson(model).getBytes(StandardCharsets.UTF_8), written, () -> escaped(text));
      }
    }
    assertEquals("{\"last4\":\"5678\",\"encryptedData\":\"a\\\"b\"}", new String(validator.writeConforming(
        new TokenInfo().last4("5678").encryptedData("a\"b"), schema, TokenSdkJson.gson()).orElseThrow(),
        StandardCharsets.UTF_8));
  }

  private static List<String> texts() {
    // short strings take Gson's own loop, long ones the test for plain text first
    List<String> texts = new ArrayList<>(List.of("", "plain", "x".repeat(63), "x".repeat(64), "x".repeat(560)));
    for (String special : SPECIAL) {
      for (int at : new int[] {0, 3, 7, 8, 15, 37, 63, 79}) {
        texts.add("a".repeat(at) + special + "b".repeat(80 - at));
        texts.add(special + "c".repeat(at));
      }
    }
    return texts;
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
    return out.toString();
  }
}
