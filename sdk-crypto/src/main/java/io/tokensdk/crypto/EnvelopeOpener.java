package io.tokensdk.crypto;

import io.tokensdk.crypto.internal.OpenFailure;
import io.tokensdk.crypto.payload.Payload;
import io.tokensdk.crypto.payload.PayloadType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Opens one of the envelopes of the specs. Every failure to open, whatever its cause, is the same
 * {@link EnvelopeOpenException}; the detailed reason goes only to the opener's {@link OpenFailureListener}.
 * Implementations are immutable and thread-safe.
 */
public interface EnvelopeOpener {

    /**
     * Opens an envelope to raw bytes. For card data prefer {@link #open(String, PayloadType)}: an unauthenticated
     * (CBC) envelope can be altered without any error at this level.
     *
     * @param envelope the envelope as the spec carries it
     * @return the plaintext bytes
     * @throws EnvelopeOpenException if the envelope cannot be opened
     */
    byte[] open(String envelope);

    /**
     * Returns where this opener reports the reason of each failure.
     *
     * @return the listener, {@link OpenFailureListener#NONE} unless one was set
     */
    default OpenFailureListener failureListener() {
        return OpenFailureListener.NONE;
    }

    /**
     * Opens an envelope and decodes its payload, validated strictly: only the spec's fields, each in its format and
     * length, digits only where the spec says so, and the Luhn check of every PAN, which catches any single altered
     * digit. A plaintext that breaks any rule is reported exactly like a decryption failure: the same generic
     * {@link EnvelopeOpenException}, so that the answer is no format oracle. The plaintext bytes are wiped afterwards.
     *
     * @param envelope the envelope as the spec carries it
     * @param type the expected payload, for example {@link io.tokensdk.crypto.payload.CardInfo#TYPE}
     * @param <T> the payload class
     * @return the validated payload
     * @throws EnvelopeOpenException if the envelope cannot be opened or its plaintext is not a valid payload
     */
    default <T extends Payload> T open(String envelope, PayloadType<T> type) {
        Objects.requireNonNull(type, "type");
        byte[] plaintext = open(envelope);
        try {
            return type.fromPlaintext(plaintext);
        } catch (InvalidPayloadException e) {
            // Its message names the field and the rule, never the value.
            throw OpenFailure.report(failureListener(), "payload", new OpenFailure(e.getMessage()));
        } catch (RuntimeException e) {
            throw OpenFailure.report(failureListener(), "payload", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
