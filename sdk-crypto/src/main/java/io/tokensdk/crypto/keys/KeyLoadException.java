package io.tokensdk.crypto.keys;

/**
 * A key, certificate or keystore file could not be loaded. The message names the problem and never contains key
 * material; no cause is attached, because library messages may quote the input.
 */
public final class KeyLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what is wrong with the file
     */
    public KeyLoadException(String message) {
        super(message);
    }
}
