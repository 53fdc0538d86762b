package io.tokensdk.crypto.payload;

import io.tokensdk.crypto.InvalidPayloadException;

/**
 * Decodes and validates the plaintext of an opened envelope.
 *
 * @param <T> the payload class
 */
@FunctionalInterface
public interface PayloadType<T extends Payload> {
    /**
     * Decodes and validates a plaintext.
     *
     * @param plaintext the opened bytes
     * @return the payload
     * @throws InvalidPayloadException if the plaintext is not a valid payload of this type
     */
    T fromPlaintext(byte[] plaintext);
}
