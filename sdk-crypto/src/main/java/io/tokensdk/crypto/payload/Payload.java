package io.tokensdk.crypto.payload;

/**
 * A validated plaintext that an envelope can seal.
 */
public interface Payload {
    /**
     * Encodes this payload as the plaintext bytes that go into the envelope (UTF-8 JSON for most payloads).
     *
     * @return a fresh array that the caller may wipe
     */
    byte[] toPlaintext();
}
