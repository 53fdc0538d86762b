package io.tokensdk.server;

import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.IdempotencyKey;
import io.tokensdk.spec.SpecId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The headers that carry the APIs' idempotency keys ({@code x-request-id}, {@code x-correlation-id}, from the specs'
 * conventions). Echoes them on every answer, including the answers the SDK gives before any API is chosen (404, 503), so
 * that a caller can always correlate.
 */
final class IdHeaders {
  private static final List<String> NAMES = ApiConventions.idempotencyHeaders();
  /** The header that carries each API's idempotency key, or none; from the conventions, once. */
  private static final Map<SpecId, Optional<String>> KEY_HEADERS = keyHeaders();

  private IdHeaders() {}

  /** The value of the header that carries {@code spec}'s idempotency key, or null when it has none or it is absent. */
  static String idOf(SpecId spec, UnaryOperator<String> requestHeader) {
    Optional<String> name = KEY_HEADERS.get(spec);
    return name.isPresent() ? requestHeader.apply(name.get()) : null;
  }

  private static Map<SpecId, Optional<String>> keyHeaders() {
    Map<SpecId, Optional<String>> headers = new EnumMap<>(SpecId.class);
    for (SpecId spec : SpecId.values()) {
      ApiConventions conventions = ApiConventions.of(spec);
      headers.put(spec, conventions.operationIds().stream().sorted().map(conventions::idempotencyKey)
          .filter(key -> key.location() == IdempotencyKey.Location.HEADER).findFirst().map(IdempotencyKey::name));
    }
    return headers;
  }

  /** {@code response} with each id header that {@code requestHeader} has, when it is safe to echo. */
  static ServerResponse echo(UnaryOperator<String> requestHeader, ServerResponse response) {
    ServerResponse echoed = response;
    // a request carries one API's id header, so this copies the few headers of the answer once
    for (String name : NAMES) {
      String value = requestHeader.apply(name);
      if (value != null && isEchoable(value)) {
        echoed = echoed.withHeader(name, value);
      }
    }
    return echoed;
  }

  /** Echo only short, visible ASCII, so that an echoed header can never be used to inject anything. */
  private static boolean isEchoable(String value) {
    if (value.isEmpty() || value.length() > 256) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }
}
