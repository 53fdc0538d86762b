package io.tokensdk.spec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Finds JSON string content that needs no escape: printable ASCII other than a quote and a backslash, tested eight
 * bytes at a time. The one-pass reader scans a string's bytes with it; the one-pass writer writes such a string as it
 * is, without Gson's escape loop (which takes about 1.4 ns a character, three times this test).
 */
final class PlainText {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;

  private PlainText() {
  }

  /** Whether the eight bytes of {@code bytes} at {@code from} (at least eight remain) are all plain. */
  static boolean isPlainWord(byte[] bytes, int from) {
    long word = (long) LONGS.get(bytes, from);
    long anyHigh = word & HIGH_BITS;
    long anyControl = (word - SPACES) & ~word & HIGH_BITS;
    long anyQuote = hasZeroByte(word ^ QUOTES);
    long anyBackslash = hasZeroByte(word ^ BACKSLASHES);
    return (anyHigh | anyControl | anyQuote | anyBackslash) == 0;
  }

  private static long hasZeroByte(long word) {
    return (word - ONES) & ~word & HIGH_BITS;
  }

  /**
   * Whether every character of {@code text} is plain, so that JSON writes it unescaped (HTML-safe JSON also escapes
   * {@code < > & = '}, which this does not test). Every byte of a non-ASCII character's UTF-8 has its high bit set.
   */
  static boolean isPlain(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int i = 0;
    while (i + Long.BYTES <= bytes.length) {
      if (!isPlainWord(bytes, i)) {
        return false;
      }
      i += Long.BYTES;
    }
    for (; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b < 0x20 || b == '"' || b == '\\') { // a non-ASCII byte is negative
        return false;
      }
    }
    return true;
  }
}
