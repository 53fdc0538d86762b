package io.tokensdk.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body up to a limit. */
final class BodyReader {
  private BodyReader() {
  }

  /** The body is larger than the limit. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("request body too large", null, false, false);
    }
  }

  /** Reads all of {@code in}, failing as soon as more than {@code limit} bytes are declared or seen. */
  static byte[] read(InputStream in, long declaredLength, int limit) throws IOException, TooLargeException {
    if (declaredLength > limit) {
      throw new TooLargeException();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > limit) {
        throw new TooLargeException();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
