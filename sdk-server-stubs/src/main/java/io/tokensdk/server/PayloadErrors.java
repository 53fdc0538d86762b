package io.tokensdk.server;

/**
 * Recognises the exceptions of {@code sdk-crypto} that mean a request's encrypted payload cannot be opened or is
 * invalid ({@code EnvelopeOpenException}, {@code InvalidPayloadException}), also as the cause of another exception.
 * {@code sdk-crypto} is an optional dependency: a receiver without it never sees them.
 */
final class PayloadErrors {
  private static final boolean CRYPTO_PRESENT = present("io.tokensdk.crypto.EnvelopeOpenException");

  private PayloadErrors() {
  }

  static boolean isBadPayload(Throwable error) {
    if (!CRYPTO_PRESENT) {
      return false;
    }
    int depth = 0;
    for (Throwable t = error; t != null && depth < 8; t = t.getCause(), depth++) {
      if (CryptoPayloadErrors.isBadPayload(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, PayloadErrors.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when sdk-crypto is on the class path. */
  private static final class CryptoPayloadErrors {
    static boolean isBadPayload(Throwable t) {
      return t instanceof io.tokensdk.crypto.EnvelopeOpenException
          || t instanceof io.tokensdk.crypto.InvalidPayloadException;
    }
  }
}
