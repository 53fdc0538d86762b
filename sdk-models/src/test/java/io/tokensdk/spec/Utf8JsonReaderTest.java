package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The one pass's byte reader against Gson's strict reader over the same document decoded strictly: on any document
 * (valid JSON with every lexical variant, then cut, spliced and sprinkled with bytes that are not UTF-8), it reads
 * exactly the tokens, names, strings and number texts Gson's reads, and fails exactly where Gson's fails or the bytes
 * are not well-formed UTF-8.
 */
class Utf8JsonReaderTest {
  private static final String FAILED = "FAILED";

  @Property(tries = 4000)
  void readsExactlyWhatGsonsStrictReaderReads(@ForAll("documents") byte[] bytes) {
    List<String> gson = gsonTokens(bytes);
    List<String> ours = tokens(new Utf8JsonReader(bytes, bytes.length));
    boolean gsonFailed = gson.get(gson.size() - 1).equals(FAILED);
    Statistics.collect(gsonFailed ? "refused" : "read");
    Statistics.coverage(coverage -> {
      coverage.check("read").percentage(p -> p > 25);
      coverage.check("refused").percentage(p -> p > 25);
    });
    if (gsonFailed) {
      assertEquals(FAILED, ours.get(ours.size() - 1), () -> describe(bytes) + " read as " + ours);
    } else {
      assertEquals(gson, ours, () -> describe(bytes));
    }
  }

  @Property(tries = 1000)
  void skipsAValueWholeAndHandsOnItsNumbers(@ForAll("documents") byte[] bytes) throws IOException {
    List<String> gson = gsonTokens(bytes);
    if (gson.get(gson.size() - 1).equals(FAILED)) {
      return;
    }
    List<String> skipped = new ArrayList<>();
    Utf8JsonReader reader = new Utf8JsonReader(bytes, bytes.length) {
      @Override
      void skippedNumber(String text) {
        skipped.add("NUMBER " + text);
      }
    };
    reader.skipValue();
    assertEquals(JsonToken.END_DOCUMENT, reader.peek());
    assertEquals(gson.stream().filter(token -> token.startsWith("NUMBER ")).toList(), skipped);
  }

  @Example
  void aForeseenNameIsReturnedItselfOnlyWhenTheBytesAreExactlyIt() throws IOException {
    String expected = new String("cardRefId".toCharArray());
    for (String json : List.of("{\"cardRefId\":1}", "{\"cardRefIdX\":1}", "{\"cardRef\":1}", "{\"card\\u0052efId\":1}",
        "{\"cardRefId")) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Utf8JsonReader reader = new Utf8JsonReader(bytes, bytes.length);
      reader.beginObject();
      String gsonName = gsonReader(json).nextNameAfterBeginObject();
      if (gsonName == null) {
        assertThrows(IOException.class, () -> reader.nextName(expected));
        continue;
      }
      String name = reader.nextName(expected);
      assertEquals(gsonName, name, json);
      if (json.startsWith("{\"cardRefId\":")) {
        assertSame(expected, name);
      }
    }
  }

  @Example
  void nestingDeeperThanTheOnePassTakesIsRefused() {
    byte[] deep = ("[".repeat(65) + "]".repeat(65)).getBytes(StandardCharsets.US_ASCII);
    byte[] enough = ("[".repeat(64) + "]".repeat(64)).getBytes(StandardCharsets.US_ASCII);
    assertEquals(FAILED, last(tokens(new Utf8JsonReader(deep, deep.length))));
    assertEquals(gsonTokens(enough), tokens(new Utf8JsonReader(enough, enough.length)));
  }

  @Example
  void onlyTheGivenLengthIsRead() {
    byte[] bytes = "{\"a\":1}garbage".getBytes(StandardCharsets.US_ASCII);
    assertEquals(gsonTokens("{\"a\":1}".getBytes(StandardCharsets.US_ASCII)), tokens(new Utf8JsonReader(bytes, 7)));
  }

  private static String last(List<String> tokens) {
    return tokens.get(tokens.size() - 1);
  }

  /** Gson's tokens of the bytes decoded strictly; bytes that are not UTF-8 fail at once. */
  private static List<String> gsonTokens(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return List.of(FAILED);
    }
    return tokens(gsonReader(text).reader);
  }

  private static GsonReader gsonReader(String text) {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    return new GsonReader(reader);
  }

  /** Gson's strict reader. */
  private record GsonReader(JsonReader reader) {
    /** The first name of an object, or null when Gson's reader fails on it. */
    String nextNameAfterBeginObject() {
      try {
        reader.beginObject();
        return reader.nextName();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }

  /** Every token the reader reads, with its text, up to the end of the document or {@link #FAILED}. */
  private static List<String> tokens(JsonReader reader) {
    List<String> out = new ArrayList<>();
    try {
      while (true) {
        JsonToken token = reader.peek();
        switch (token) {
          case BEGIN_OBJECT -> reader.beginObject();
          case END_OBJECT -> reader.endObject();
          case BEGIN_ARRAY -> reader.beginArray();
          case END_ARRAY -> reader.endArray();
          case NAME -> out.add("NAME " + reader.nextName());
          case STRING -> out.add("STRING " + reader.nextString());
          case NUMBER -> out.add("NUMBER " + reader.nextString());
          case BOOLEAN -> out.add("BOOLEAN " + reader.nextBoolean());
          case NULL -> reader.nextNull();
          case END_DOCUMENT -> {
            out.add(token.name());
            return out;
          }
          default -> throw new AssertionError(token);
        }
        if (token != JsonToken.NAME && token != JsonToken.STRING && token != JsonToken.NUMBER
            && token != JsonToken.BOOLEAN) {
          out.add(token.name());
        }
      }
    } catch (IOException | RuntimeException e) {
      out.add(FAILED);
      return out;
    }
  }

  private static String describe(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
    }
    return out.toString();
  }

  @Provide
  Arbitrary<byte[]> documents() {
    Arbitrary<byte[]> valid = value(3).map(text -> text.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        Tuple.of(4, valid),
        Tuple.of(3, valid.flatMap(Utf8JsonReaderTest::damaged)),
        Tuple.of(1, Arbitraries.of("", " ", "tru", "nul", "-", "01", "1.", ".5", "1e", "+1", "\"\\x\"", "\"\\u12\"",
            "{\"a\" 1}", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\":1 \"b\":2}", "[1 2]", "{1:2}", "'a'", "\"a",
            "/* c */ 1", "# 1", "1 // c", "\ufeff1", "[1]]", "{}}", "NaN", "Infinity", "-Infinity", "1e999",
            "\f1", "1\f", "[\u00a01]").map(text -> text.getBytes(StandardCharsets.UTF_8))));
  }

  /** A JSON value up to {@code depth} deep, spelled in every way the grammar allows. */
  private static Arbitrary<String> value(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(string(), number(),
        Arbitraries.of("true", "false", "null"));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<String> member = Combinators.combine(space(), string(), space(), space(),
        Arbitraries.lazy(() -> value(depth - 1)), space()).as((a, name, b, c, v, d) -> a + name + b + ":" + c + v + d);
    Arbitrary<String> object = member.list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
    Arbitrary<String> item = Combinators.combine(space(), Arbitraries.lazy(() -> value(depth - 1)),
        space()).as((a, v, b) -> a + v + b);
    Arbitrary<String> array = item.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    return Combinators.combine(space(), Arbitraries.frequencyOf(
        Tuple.of(2, scalar), Tuple.of(2, object), Tuple.of(1, array)), space()).as((a, v, b) -> a + v + b);
  }

  private static Arbitrary<String> space() {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
        Tuple.of(1, Arbitraries.of(" ", "\n", "\r\n\t ", "\t")));
  }

  private static Arbitrary<String> number() {
    Arbitrary<String> integer = Arbitraries.oneOf(Arbitraries.just("0"),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25)
            .filter(digits -> digits.charAt(0) != '0'));
    Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(6).map(d -> "." + d));
    Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("e", "E", "e+", "E-", "e-")
        .flatMap(e -> Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(3).map(d -> e + d)));
    return Combinators.combine(Arbitraries.of("", "-"), integer, fraction, exponent)
        .as((sign, i, f, e) -> sign + i + f + e);
  }

  /** A string literal: any text, with its characters raw or escaped in each way JSON allows. */
  private static Arbitrary<String> string() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(8).ofMaxLength(80),
        Arbitraries.of("cardRefId", "\u00e9t\u00e9", "\uD83D\uDE00", "a/b", "\u0000", "\uD800", "\uDC00x"));
    return text.flatMap(value -> Arbitraries.integers().between(0, 3).list().ofSize(value.length()).map(ways -> {
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < value.length(); i++) {
        out.append(spelled(value.charAt(i), ways.get(i)));
      }
      return out.append('"').toString();
    }));
  }

  /** Way 0: a {@code \\u} escape; 1: the short escape where there is one; 2: raw where JSON allows it; 3: raw. */
  private static String spelled(char c, int way) {
    boolean mustEscape = c == '"' || c == '\\' || c < 0x20;
    if (way == 0 || way == 2 && mustEscape) {
      return String.format(way == 0 ? "\\u%04x" : "\\u%04X", (int) c);
    }
    if (way == 1) {
      switch (c) {
        case '"', '\\', '/' -> {
          return "\\" + c;
        }
        case '\b' -> {
          return "\\b";
        }
        case '\f' -> {
          return "\\f";
        }
        case '\n' -> {
          return "\\n";
        }
        case '\r' -> {
          return "\\r";
        }
        case '\t' -> {
          return "\\t";
        }
        default -> {
          return mustEscape ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        }
      }
    }
    // way 3 keeps even a quote, a backslash or a control character raw: what strict JSON refuses
    return String.valueOf(c);
  }

  /** The document cut short, with a byte spliced in or out, or with a byte that is not UTF-8 somewhere. */
  private static Arbitrary<byte[]> damaged(byte[] bytes) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, bytes.length);
    Arbitrary<Byte> odd = Arbitraries.of((byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc3, (byte) 0xed,
        (byte) 0xf4, (byte) 0xf5, (byte) 0xff, (byte) '"', (byte) '\\', (byte) ',', (byte) ':', (byte) '}',
        (byte) ']', (byte) 0, (byte) 0x1f, (byte) '0', (byte) '-', (byte) 'e', (byte) '.');
    return Arbitraries.oneOf(
        at.map(end -> Arrays.copyOf(bytes, end)),
        Combinators.combine(at, odd).as((i, b) -> {
          byte[] out = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, out, 0, i);
          out[i] = b;
          System.arraycopy(bytes, i, out, i + 1, bytes.length - i);
          return out;
        }),
        at.filter(i -> i < bytes.length).map(i -> {
          byte[] out = new byte[bytes.length - 1];
          System.arraycopy(bytes, 0, out, 0, i);
          System.arraycopy(bytes, i + 1, out, i, bytes.length - i - 1);
          return out;
        }));
  }
}
