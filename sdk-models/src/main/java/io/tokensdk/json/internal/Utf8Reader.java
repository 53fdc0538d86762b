package io.tokensdk.json.internal;

import java.io.Reader;

/**
 * The characters of bytes already checked to be well-formed UTF-8 ({@link Utf8#isWellFormed}), read straight from the
 * bytes: no {@code String} copy of the body, no decoder, no lock. Not thread-safe; one per parse. Internal: shared by
 * the client's and the server's readers, not part of the public API.
 */
public final class Utf8Reader extends Reader {
  private final byte[] bytes;
  private final int length;
  private int position;
  /** The low surrogate of a supplementary character whose high surrogate was returned last, or 0. */
  private char pendingLow;

  /** A reader of {@code bytes[0..length)}, which must be well-formed UTF-8. */
  public Utf8Reader(byte[] bytes, int length) {
    this.bytes = bytes;
    this.length = length;
  }

  @Override
  public int read(char[] buffer, int offset, int count) {
    if (count == 0) {
      return 0;
    }
    int n = 0;
    if (pendingLow != 0) {
      buffer[offset + n++] = pendingLow;
      pendingLow = 0;
    }
    while (n < count && position < length) {
      int ascii = Utf8.asciiRun(bytes, position, position + Math.min(count - n, length - position));
      if (ascii > 0) {
        // a counted loop without a branch, which the JIT turns into vector widening
        for (int k = 0; k < ascii; k++) {
          buffer[offset + n + k] = (char) bytes[position + k];
        }
        n += ascii;
        position += ascii;
        continue;
      }
      int b = bytes[position];
      int codePoint;
      if ((b & 0xe0) == 0xc0) {
        codePoint = (b & 0x1f) << 6 | bytes[position + 1] & 0x3f;
        position += 2;
      } else if ((b & 0xf0) == 0xe0) {
        codePoint = (b & 0x0f) << 12 | (bytes[position + 1] & 0x3f) << 6 | bytes[position + 2] & 0x3f;
        position += 3;
      } else {
        codePoint = (b & 0x07) << 18 | (bytes[position + 1] & 0x3f) << 12 | (bytes[position + 2] & 0x3f) << 6
            | bytes[position + 3] & 0x3f;
        position += 4;
      }
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        buffer[offset + n++] = (char) codePoint;
      } else {
        buffer[offset + n++] = Character.highSurrogate(codePoint);
        if (n < count) {
          buffer[offset + n++] = Character.lowSurrogate(codePoint);
        } else {
          pendingLow = Character.lowSurrogate(codePoint);
        }
      }
    }
    return n == 0 ? -1 : n;
  }

  @Override
  public void close() {
    // nothing held
  }
}
