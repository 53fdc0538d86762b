package io.tokensdk.crypto.internal;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.OpenFailureListener;

/**
 * Carries the reason of a failed open from the check that failed to the opener's catch block, which reports it to
 * the {@link OpenFailureListener} and throws the generic {@link EnvelopeOpenException}. Internal: never reaches
 * a caller.
 */
public final class OpenFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the failure.
     *
     * @param reason what failed, without plaintext or key material
     */
    public OpenFailure(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Reports any failure of an open and returns the generic error to throw.
     *
     * @param listener the opener's listener
     * @param kind the kind of envelope, for example {@code "CMS"}
     * @param failure what was caught
     * @return the generic error
     */
    public static EnvelopeOpenException report(OpenFailureListener listener, String kind, Throwable failure) {
        String reason;
        if (failure instanceof OpenFailure known) {
            reason = known.getMessage();
        } else if (failure instanceof EnvelopeOpenException) {
            reason = "a nested open failed";
        } else {
            // A library's message may quote the input, so only the exception's type is reported.
            reason = "unexpected " + failure.getClass().getSimpleName();
        }
        try {
            listener.onOpenFailure(kind + ": " + reason);
        } catch (RuntimeException ignored) {
            // A failing listener must not change what the caller sees.
        }
        return new EnvelopeOpenException();
    }
}
