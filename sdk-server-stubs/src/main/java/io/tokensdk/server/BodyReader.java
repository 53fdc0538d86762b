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
    ByteArrayOutputStream out;
    if (declaredLength >= 0) {
      // the declared length, read into an array of its size: no buffer, no copy
      byte[] body = in.readNBytes((int) declaredLength);
      int next = body.length < declaredLength ? -1 : in.read();
      if (next == -1) {
        return body;
      }
      if (body.length + 1 > limit) {
        throw new TooLargeException();
      }
      out = new ByteArrayOutputStream(Math.max(body.length + 1, 1024));
      out.write(body, 0, body.length);
      out.write(next);
    } else {
      out = new ByteArrayOutputStream(1024);
    }
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
