package io.tokensdk.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding without a {@code CharsetDecoder} per call: the bytes are decoded by {@link String}'s own fast
 * path and, unless that proves them ASCII, checked (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF). Shared by the SDK's readers of JSON bytes: the server's request body, the one-pass read of a document.
 */
public final class Utf8 {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** The high bit of each of eight bytes: none is set in eight ASCII bytes. */
  private static final long ASCII_MASK = 0x8080808080808080L;

  private Utf8() {
  }

  /** The text of {@code bytes[0..length)}, or null when they are not well-formed UTF-8. */
  public static String decode(byte[] bytes, int length) {
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    // The JDK decodes an ASCII byte to one char, a longer sequence to fewer chars than bytes, anything malformed to
    // U+FFFD: a text as long as its bytes and without U+FFFD came from ASCII alone, which String's own vectorised scan
    // has checked. Anything else is checked here.
    if (text.length() == length && text.indexOf('\uFFFD') < 0 || isWellFormed(bytes, 0, length)) {
      return text;
    }
    return null;
  }

  /** How many bytes from {@code from} on, before {@code to}, are ASCII in a row: eight at a time, then one by one. */
  private static int asciiRun(byte[] bytes, int from, int to) {
    int i = from;
    while (i + Long.BYTES <= to && ((long) LONGS.get(bytes, i) & ASCII_MASK) == 0) {
      i += Long.BYTES;
    }
    while (i < to && bytes[i] >= 0) {
      i++;
    }
    return i - from;
  }

  /** Whether {@code bytes[from..to)} are well-formed UTF-8 (RFC 3629). */
  public static boolean isWellFormed(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      i += asciiRun(bytes, i, to);
      if (i == to) {
        break;
      }
      int b = bytes[i] & 0xff;
      int trailing;
      int low = 0x80;
      int high = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        trailing = 1;
      } else if (b >= 0xe0 && b <= 0xef) {
        trailing = 2;
        low = b == 0xe0 ? 0xa0 : 0x80;   // no overlong forms
        high = b == 0xed ? 0x9f : 0xbf;  // no surrogates
      } else if (b >= 0xf0 && b <= 0xf4) {
        trailing = 3;
        low = b == 0xf0 ? 0x90 : 0x80;   // no overlong forms
        high = b == 0xf4 ? 0x8f : 0xbf;  // nothing above U+10FFFF
      } else {
        return false;
      }
      if (i + trailing >= to) {
        return false;
      }
      int second = bytes[i + 1] & 0xff;
      if (second < low || second > high) {
        return false;
      }
      for (int k = 2; k <= trailing; k++) {
        int next = bytes[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return false;
        }
      }
      i += trailing + 1;
    }
    return true;
  }
}
