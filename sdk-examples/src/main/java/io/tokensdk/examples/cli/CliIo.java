package io.tokensdk.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The streams a command reads and writes: stdin, stdout, stderr (replaceable for in-process runs). */
public record CliIo(InputStream in, PrintStream out, PrintStream err) {
  /** The largest input a command accepts: well above any envelope of the specs. */
  static final int MAX_INPUT = 1024 * 1024;

  /** All of stdin as text, trimmed. */
  public String readInput() {
    try {
      byte[] bytes = in.readNBytes(MAX_INPUT + 1);
      if (bytes.length > MAX_INPUT) {
        throw new CliException("input larger than " + MAX_INPUT + " bytes");
      }
      String text = new String(bytes, StandardCharsets.UTF_8).trim();
      if (text.isEmpty()) {
        throw new CliException("no input on stdin");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }
}
