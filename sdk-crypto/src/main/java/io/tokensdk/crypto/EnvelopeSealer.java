package io.tokensdk.crypto;

import io.tokensdk.crypto.payload.Payload;
import java.util.Arrays;

/** Seals plaintext into one of the envelopes of the specs. Implementations are immutable and thread-safe. */
public interface EnvelopeSealer {

    /**
     * Seals raw bytes.
     *
     * @param plaintext the bytes to seal
     * @return the envelope as the spec carries it
     * @throws EnvelopeSealException if sealing fails or the result does not fit the spec
     */
    String seal(byte[] plaintext);

    /**
     * Seals a validated payload; its plaintext bytes are wiped afterwards.
     *
     * @param payload the payload, for example a {@link io.tokensdk.crypto.payload.CardInfo}
     * @return the envelope as the spec carries it
     * @throws EnvelopeSealException if sealing fails or the result does not fit the spec
     */
    default String seal(Payload payload) {
        byte[] plaintext = payload.toPlaintext();
        try {
            return seal(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
