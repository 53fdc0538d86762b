package io.tokensdk.client;

/**
 * Receives the opt-in HTTP log, one line per request or response. Lines are already redacted: plaintext PAN, CVV and
 * expiry values, the {@code authorization} header and encrypted blobs (shortened to a prefix and their length) never
 * reach it. Example: {@code config.httpLog(line -> logger.debug(line))}.
 */
@FunctionalInterface
public interface HttpLog {
  /** One redacted line. */
  void log(String line);
}
