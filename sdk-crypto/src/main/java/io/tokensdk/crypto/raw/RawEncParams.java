package io.tokensdk.crypto.raw;

import java.util.Objects;

/**
 * The {@code rawEncParams} object of the spec: {@code algo}, {@code mode}, optional {@code padding}, and the base64
 * fields {@code iv} (CBC), {@code aeadNonce} and {@code aeadMac} (CCM, GCM), plus {@code keyId}.
 */
public final class RawEncParams {
    private final RawAlgorithm algo;
    private final RawMode mode;
    private final RawPadding padding;
    private final String iv;
    private final String aeadNonce;
    private final String aeadMac;
    private final String keyId;

    private RawEncParams(Builder b) {
        this.algo = Objects.requireNonNull(b.algo, "algo");
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.padding = b.padding;
        this.iv = b.iv;
        this.aeadNonce = b.aeadNonce;
        this.aeadMac = b.aeadMac;
        this.keyId = b.keyId;
    }

    /**
     * Starts parameters, for example when mapping the received JSON.
     *
     * @param algo the algorithm
     * @param mode the mode
     * @return a new builder
     */
    public static Builder builder(RawAlgorithm algo, RawMode mode) {
        Builder builder = new Builder();
        builder.algo = algo;
        builder.mode = mode;
        return builder;
    }

    /** @return {@code algo} */
    public RawAlgorithm algo() {
        return algo;
    }

    /** @return {@code mode} */
    public RawMode mode() {
        return mode;
    }

    /** @return {@code padding}, or {@code null} when the data is not padded */
    public RawPadding padding() {
        return padding;
    }

    /** @return {@code iv} in base64, or {@code null} */
    public String iv() {
        return iv;
    }

    /** @return {@code aeadNonce} in base64, or {@code null} */
    public String aeadNonce() {
        return aeadNonce;
    }

    /** @return {@code aeadMac} in base64, or {@code null} */
    public String aeadMac() {
        return aeadMac;
    }

    /** @return {@code keyId}, or {@code null} */
    public String keyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawEncParams that && algo == that.algo && mode == that.mode
                && padding == that.padding && Objects.equals(iv, that.iv)
                && Objects.equals(aeadNonce, that.aeadNonce) && Objects.equals(aeadMac, that.aeadMac)
                && Objects.equals(keyId, that.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algo, mode, padding, iv, aeadNonce, aeadMac, keyId);
    }

    @Override
    public String toString() {
        return "RawEncParams{algo=" + algo.wireName() + ", mode=" + mode + ", padding=" + padding + ", iv=" + iv
                + ", aeadNonce=" + aeadNonce + ", aeadMac=" + aeadMac + ", keyId=" + keyId + "}";
    }

    /** Builds {@link RawEncParams}. */
    public static final class Builder {
        private RawAlgorithm algo;
        private RawMode mode;
        private RawPadding padding;
        private String iv;
        private String aeadNonce;
        private String aeadMac;
        private String keyId;

        private Builder() {
        }

        /**
         * @param padding the padding, or {@code null} for none
         * @return this builder
         */
        public Builder padding(RawPadding padding) {
            this.padding = padding;
            return this;
        }

        /**
         * @param iv the base64 IV (CBC)
         * @return this builder
         */
        public Builder iv(String iv) {
            this.iv = iv;
            return this;
        }

        /**
         * @param aeadNonce the base64 nonce (CCM, GCM)
         * @return this builder
         */
        public Builder aeadNonce(String aeadNonce) {
            this.aeadNonce = aeadNonce;
            return this;
        }

        /**
         * @param aeadMac the base64 authentication tag (CCM, GCM)
         * @return this builder
         */
        public Builder aeadMac(String aeadMac) {
            this.aeadMac = aeadMac;
            return this;
        }

        /**
         * @param keyId the encryption key identifier
         * @return this builder
         */
        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /** @return the parameters */
        public RawEncParams build() {
            return new RawEncParams(this);
        }
    }
}
