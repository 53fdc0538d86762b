package io.tokensdk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The hand-written UTF-8 check agrees with the JDK's strict decoder, on any bytes and on any text. */
class Utf8Test {
  @Property(tries = 3000)
  void agreesWithTheJdksStrictDecoderOnAnyBytes(@ForAll("bytes") byte[] bytes) {
    assertEquals(jdk(bytes), Utf8.decode(bytes, bytes.length));
  }

  @Property(tries = 1000)
  void decodesAnyTextItsUtf8EncodingCarries(@ForAll String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertEquals(jdk(bytes), Utf8.decode(bytes, bytes.length));
  }

  @Example
  void aMalformedByteAmongAsciiIsRefusedThoughItDecodesToOneCharAsAsciiDoes() {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'};
    assertNull(Utf8.decode(bytes, bytes.length));
  }

  @Example
  void aReplacementCharacterSentAsSuchIsText() {
    byte[] bytes = "\"\uFFFD\"".getBytes(StandardCharsets.UTF_8);
    assertEquals("\"\uFFFD\"", Utf8.decode(bytes, bytes.length));
  }

  @Property(tries = 2000)
  void agreesWithTheJdksStrictDecoderOnLongAsciiRunsAroundOddBytes(@ForAll("mostlyAscii") byte[] bytes) {
    assertEquals(jdk(bytes), Utf8.decode(bytes, bytes.length));
  }

  /** Bytes mostly ASCII, so that the eight-at-a-time path meets odd bytes at every offset. */
  @Provide
  Arbitrary<byte[]> mostlyAscii() {
    Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0, (byte) 0x7f);
    return Arbitraries.frequencyOf(Tuple.of(12, ascii), Tuple.of(1, interesting()),
        Tuple.of(1, Arbitraries.bytes())).array(byte[].class).ofMaxSize(64);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.oneOf(interesting(), Arbitraries.bytes()).array(byte[].class).ofMaxSize(8);
  }

  /** The lead bytes and continuation bytes where overlong forms and surrogates hide. */
  private static Arbitrary<Byte> interesting() {
    return Arbitraries.of((byte) 0x41, (byte) 0x7f, (byte) 0x80, (byte) 0x8f, (byte) 0x90,
        (byte) 0x9f, (byte) 0xa0, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0,
        (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xff);
  }

  private static String jdk(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
