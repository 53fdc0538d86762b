package io.tokensdk.crypto;

import io.tokensdk.crypto.payload.Payload;
import io.tokensdk.crypto.payload.PayloadType;
import java.util.Arrays;

/**
 * Opens one of the envelopes of the specs. Every failure to open, whatever its cause, is the same
 * {@link EnvelopeOpenException}. Implementations are immutable and thread-safe.
 */
public interface EnvelopeOpener {

    /**
     * Opens an envelope.
     *
     * @param envelope the envelope as the spec carries it
     * @return the plaintext bytes
     * @throws EnvelopeOpenException if the envelope cannot be opened
     */
    byte[] open(String envelope);

    /**
     * Opens an envelope and decodes its payload; the plaintext bytes are wiped afterwards. A plaintext that is not a
     * JSON document at all is what tampering with an unauthenticated (CBC) envelope produces, so it is reported as the
     * generic {@link EnvelopeOpenException}; only a well-formed payload that breaks a field rule is an
     * {@link InvalidPayloadException}.
     *
     * @param envelope the envelope as the spec carries it
     * @param type the expected payload, for example {@link io.tokensdk.crypto.payload.CardInfo#TYPE}
     * @param <T> the payload class
     * @return the validated payload
     * @throws EnvelopeOpenException if the envelope cannot be opened
     * @throws InvalidPayloadException if the plaintext breaks the spec
     */
    default <T extends Payload> T open(String envelope, PayloadType<T> type) {
        byte[] plaintext = open(envelope);
        try {
            return type.fromPlaintext(plaintext);
        } catch (InvalidPayloadException e) {
            if (InvalidPayloadException.WHOLE_PAYLOAD.equals(e.field())) {
                throw new EnvelopeOpenException();
            }
            throw e;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
