package io.tokensdk.server;

import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.IdempotencyKey;
import io.tokensdk.spec.SpecId;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The headers that carry the APIs' idempotency keys ({@code x-request-id}, {@code x-correlation-id}, from the specs'
 * conventions). Echoes them on every answer, including the answers the SDK gives before any API is chosen (404, 503), so
 * that a caller can always correlate.
 */
final class IdHeaders {
  private static final List<String> NAMES = ApiConventions.idempotencyHeaders();

  private IdHeaders() {}

  /** The value of the header that carries {@code spec}'s idempotency key, or null when it has none or it is absent. */
  static String idOf(SpecId spec, UnaryOperator<String> requestHeader) {
    ApiConventions conventions = ApiConventions.of(spec);
    return conventions.operationIds().stream().sorted().map(conventions::idempotencyKey)
        .filter(key -> key.location() == IdempotencyKey.Location.HEADER).findFirst()
        .map(key -> requestHeader.apply(key.name())).orElse(null);
  }

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
