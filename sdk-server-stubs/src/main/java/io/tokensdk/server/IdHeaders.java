package io.tokensdk.server;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Echoes the request's id headers ({@code x-request-id}, {@code x-correlation-id}) on every answer, including the
 * answers the SDK gives before any API is chosen (404, 503), so that a caller can always correlate.
 */
final class IdHeaders {
  private static final List<String> NAMES = List.of("x-request-id", "x-correlation-id");

  private IdHeaders() {}

  /** {@code response} with each id header that {@code requestHeader} has, when it is safe to echo. */
  static ServerResponse echo(UnaryOperator<String> requestHeader, ServerResponse response) {
    ServerResponse out = response;
    for (String name : NAMES) {
      String value = requestHeader.apply(name);
      if (value != null && isEchoable(value)) {
        out = out.withHeader(name, value);
      }
    }
    return out;
  }

  /** Echo only short, visible ASCII, so that an echoed header can never be used to inject anything. */
  private static boolean isEchoable(String value) {
    if (value.isEmpty() || value.length() > 256) {
      return false;
    }
    return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }
}
