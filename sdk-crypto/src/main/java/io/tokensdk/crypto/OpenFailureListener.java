package io.tokensdk.crypto;

/**
 * Receives the detailed reason why an envelope could not be opened, for debugging, while the caller only ever sees
 * the one generic {@link EnvelopeOpenException}.
 *
 * <p>A reason names the check that failed, for example {@code "no RecipientInfo names the configured certificate"}
 * or {@code "invalid payload field 'fpan': fails the Luhn check"}; it never holds plaintext, key material or a value
 * from the envelope. Even so, keep reasons out of anything a remote party can see: telling failures apart is what an
 * oracle needs. The listener runs on the opening thread and must not throw.
 */
@FunctionalInterface
public interface OpenFailureListener {
    /** Drops every reason (the default of every opener). */
    OpenFailureListener NONE = reason -> { };

    /**
     * Called once for each failed open, just before the generic error is thrown.
     *
     * @param reason what failed, without any plaintext or key material
     */
    void onOpenFailure(String reason);
}
