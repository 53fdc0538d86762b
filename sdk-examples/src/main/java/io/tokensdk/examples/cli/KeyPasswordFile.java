package io.tokensdk.examples.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads {@code --key-password-file}: the password is the file's first line, never echoed. */
final class KeyPasswordFile {
  private static final int MAX_BYTES = 4096;

  private KeyPasswordFile() {
  }

  static char[] read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CliException("--key-password-file is larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException("--key-password-file cannot be read: " + file.getFileName());
    }
    try {
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
      Arrays.fill(chars.array(), '\0');
      if (password.length == 0) {
        throw new CliException("--key-password-file holds no password on its first line");
      }
      return password;
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
