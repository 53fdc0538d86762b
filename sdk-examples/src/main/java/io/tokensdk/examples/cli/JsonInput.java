package io.tokensdk.examples.cli;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;

/** Checks that a command's input or output is one JSON object, without echoing it. */
final class JsonInput {
  private JsonInput() {
  }

  static byte[] requireObject(String text, String what) {
    try {
      if (!JsonParser.parseString(text).isJsonObject()) {
        throw new CliException(what + " must be a JSON object");
      }
    } catch (RuntimeException e) {
      if (e instanceof CliException cli) {
        throw cli;
      }
      throw new CliException(what + " is not valid JSON");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
