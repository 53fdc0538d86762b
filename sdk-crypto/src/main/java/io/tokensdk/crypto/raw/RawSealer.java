package io.tokensdk.crypto.raw;

import io.tokensdk.crypto.EnvelopeSealException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Encrypts RAW payment credentials and produces the matching {@code rawEncParams}: a fresh random IV for CBC, a
 * fresh random 12-byte nonce for GCM and CCM, the AEAD tag split off into {@code aeadMac}. Immutable and
 * thread-safe.
 */
public final class RawSealer {
    /** The spec's maxLength of {@code encPaymentCredData.encData}. */
    public static final int MAX_ENC_DATA_LENGTH = 8096;

    private final byte[] key;
    private final RawAlgorithm algorithm;
    private final RawMode mode;
    private final RawPadding padding;
    private final int tagBytes;
    private final String keyId;
    private final SecureRandom random;

    private RawSealer(Builder b) {
        this.key = b.key.clone();
        this.algorithm = Objects.requireNonNull(b.algorithm, "algorithm");
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.padding = b.padding;
        this.tagBytes = b.tagBytes;
        this.keyId = b.keyId;
        this.random = Objects.requireNonNull(b.random, "random");
        RawCiphers.requireSupported(algorithm, mode);
        Arrays.fill(algorithm.jcaKey(key), (byte) 0); // fails fast on a key of the wrong length
        algorithm.requireFullStrength(key);
        RawCiphers.requireTagLength(mode, tagBytes);
    }

    /**
     * Starts a sealer (defaults: AES, CBC, ISO 7816-4 padding, 16-byte AEAD tag).
     *
     * @param key the key encryption key: AES 16/24/32 bytes or 3DES 16/24 bytes
     * @return a new builder
     */
    public static Builder builder(SecretKey key) {
        return new Builder(key.getEncoded());
    }

    /**
     * Encrypts.
     *
     * @param plaintext the credentials
     * @return {@code encData} and {@code rawEncParams}
     * @throws EnvelopeSealException if the data is not block-aligned without padding, encryption fails, or
     *     {@code encData} would exceed {@value #MAX_ENC_DATA_LENGTH} characters
     */
    public RawEncryptedData seal(byte[] plaintext) {
        byte[] input = padding == RawPadding.ISO_7816
                ? Iso7816Padding.pad(plaintext, algorithm.blockSize())
                : plaintext.clone();
        if (!mode.isAead() && input.length % algorithm.blockSize() != 0) {
            throw new EnvelopeSealException(mode + " without padding needs a multiple of "
                    + algorithm.blockSize() + " bytes, got " + input.length);
        }
        RawEncParams.Builder params = RawEncParams.builder(algorithm, mode).padding(padding).keyId(keyId);
        byte[] ivOrNonce = null;
        if (mode == RawMode.CBC) {
            ivOrNonce = randomBytes(algorithm.blockSize());
            params.iv(base64(ivOrNonce));
        } else if (mode.isAead()) {
            ivOrNonce = randomBytes(RawCiphers.NONCE_LENGTH);
            params.aeadNonce(base64(ivOrNonce));
        }
        try {
            byte[] output = RawCiphers.run(Cipher.ENCRYPT_MODE, algorithm, mode, key, ivOrNonce, tagBytes, input);
            int ciphertextLength = mode.isAead() ? output.length - tagBytes : output.length;
            if (mode.isAead()) {
                params.aeadMac(base64(Arrays.copyOfRange(output, ciphertextLength, output.length)));
            }
            String encData = base64(Arrays.copyOf(output, ciphertextLength));
            if (encData.length() > MAX_ENC_DATA_LENGTH) {
                throw new EnvelopeSealException("encData is " + encData.length()
                        + " characters, more than the spec's maxLength of " + MAX_ENC_DATA_LENGTH);
            }
            return new RawEncryptedData(encData, params.build());
        } catch (GeneralSecurityException e) {
            throw new EnvelopeSealException("RAW data could not be encrypted", e);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Builds a {@link RawSealer}. */
    public static final class Builder {
        private final byte[] key;
        private RawAlgorithm algorithm = RawAlgorithm.AES;
        private RawMode mode = RawMode.CBC;
        private RawPadding padding = RawPadding.ISO_7816;
        private int tagBytes = 16;
        private String keyId;
        private SecureRandom random = new SecureRandom();

        private Builder(byte[] key) {
            this.key = key;
        }

        /**
         * @param algorithm AES or 3DES
         * @return this builder
         */
        public Builder algorithm(RawAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /**
         * @param mode ECB, CBC, GCM or CCM (GCM and CCM need AES)
         * @return this builder
         */
        public Builder mode(RawMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * @param padding ISO_7816, or {@code null} for none
         * @return this builder
         */
        public Builder padding(RawPadding padding) {
            this.padding = padding;
            return this;
        }

        /**
         * @param tagBytes the AEAD tag length in bytes: 12 to 16 (CCM: 12, 14 or 16); the opener must be configured
         *     with the same length
         * @return this builder
         */
        public Builder aeadTagLength(int tagBytes) {
            this.tagBytes = tagBytes;
            return this;
        }

        /**
         * @param keyId the key identifier put into {@code rawEncParams.keyId}
         * @return this builder
         */
        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        /**
         * @param random the source of IVs and nonces (for tests)
         * @return this builder
         */
        public Builder secureRandom(SecureRandom random) {
            this.random = random;
            return this;
        }

        /**
         * @return the sealer
         * @throws IllegalArgumentException if the key, algorithm, mode and tag length do not fit together
         */
        public RawSealer build() {
            return new RawSealer(this);
        }
    }
}
