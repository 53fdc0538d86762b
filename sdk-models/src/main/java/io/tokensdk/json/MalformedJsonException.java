package io.tokensdk.json;

/** The text is not well-formed JSON. The message never quotes the text. */
public final class MalformedJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A malformed-JSON error with a message that does not quote the input. */
  public MalformedJsonException(String message) {
    super(message);
  }
}
