package io.tokensdk.crypto;

/**
 * Thrown when a payload cannot be sealed, for example because the sealed value would exceed the length the spec
 * allows. The message never contains the plaintext.
 */
public final class EnvelopeSealException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, without any plaintext
     */
    public EnvelopeSealException(String message) {
        super(message);
    }

    /**
     * Creates the error with a cause from the crypto library (sealing failures are not an oracle, so the cause is kept).
     *
     * @param message what went wrong, without any plaintext
     * @param cause the underlying failure
     */
    public EnvelopeSealException(String message, Throwable cause) {
        super(message, cause);
    }
}
