package io.tokensdk.crypto.raw;

import java.util.Objects;

/**
 * A sealed RAW value: {@code encData} (base64 ciphertext, without the AEAD tag) and its {@code rawEncParams}.
 *
 * @param encData the base64 ciphertext
 * @param params the parameters to send as {@code rawEncParams}
 */
public record RawEncryptedData(String encData, RawEncParams params) {
    /**
     * Checks the components.
     *
     * @param encData the base64 ciphertext
     * @param params the parameters
     */
    public RawEncryptedData {
        Objects.requireNonNull(encData, "encData");
        Objects.requireNonNull(params, "params");
    }
}
