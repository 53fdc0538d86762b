package io.tokensdk.crypto;

/**
 * The one error thrown when an envelope cannot be opened.
 *
 * <p>Its message is always {@value #MESSAGE} and it never carries a cause: a wrong key, tampered data, a bad
 * PKCS#1 or CBC padding, a bad authentication tag, a malformed envelope or an algorithm outside the whitelist all
 * look the same to the caller, so that a remote party cannot use the error as a padding or decryption oracle.
 */
public final class EnvelopeOpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The fixed message of every instance. */
    public static final String MESSAGE = "envelope could not be opened";

    /** Creates the generic error. */
    public EnvelopeOpenException() {
        // No cause, no suppression and no stack trace: the cause, or even the line that threw, would tell
        // padding and key errors apart.
        super(MESSAGE, null, false, false);
    }
}
