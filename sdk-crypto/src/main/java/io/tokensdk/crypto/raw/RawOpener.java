package io.tokensdk.crypto.raw;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.OpenFailureListener;
import io.tokensdk.crypto.internal.Base64s;
import io.tokensdk.crypto.internal.OpenFailure;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Decrypts RAW payment credentials as described by their {@code rawEncParams}. The AEAD tag length is this opener's
 * configuration (16 bytes unless set, never under 12), never what the unauthenticated {@code aeadMac} happens to
 * hold; the nonce must be 12 bytes and a CBC IV one block. Every failure (wrong key, bad padding, bad tag, a tag,
 * nonce or IV of another length, unsupported combination, a 3DES key of single-DES strength) throws the same
 * {@link EnvelopeOpenException}; the reason goes to the {@link OpenFailureListener}. Immutable and thread-safe.
 * <p>Only GCM and CCM authenticate: with ECB or CBC a wrong key or tampered data is caught by the ISO 7816-4 padding
 * check when there is padding, which random data passes about once in 256 tries, and not at all without padding. Prefer
 * an AEAD mode where the peer allows it.
 */
public final class RawOpener {
    private static final int DEFAULT_TAG_LENGTH = 16;

    private final byte[] key;
    private final int tagBytes;
    private final OpenFailureListener listener;

    private RawOpener(byte[] key, int tagBytes, OpenFailureListener listener) {
        this.key = key;
        this.tagBytes = tagBytes;
        this.listener = listener;
    }

    /**
     * Creates an opener expecting 16-byte AEAD tags.
     *
     * @param key the key encryption key: AES 16/24/32 bytes or 3DES 16/24 bytes
     * @return the opener
     * @throws IllegalArgumentException if a 3DES key (algorithm {@code DESede}) has two equal parts
     */
    public static RawOpener forKey(SecretKey key) {
        Objects.requireNonNull(key, "key");
        byte[] bytes = key.getEncoded().clone();
        String algorithm = key.getAlgorithm().toUpperCase(Locale.ROOT);
        if (algorithm.equals("DESEDE") || algorithm.equals("3DES") || algorithm.equals("TRIPLEDES")) {
            RawAlgorithm.TRIPLE_DES.requireFullStrength(bytes);
        }
        return new RawOpener(bytes, DEFAULT_TAG_LENGTH, OpenFailureListener.NONE);
    }

    /**
     * Returns an opener expecting AEAD tags of the given length, as agreed with the sender.
     *
     * @param tagBytes 12 to 16 (a CCM tag must also be even)
     * @return a new opener with the same key
     * @throws IllegalArgumentException for a length outside 12 to 16
     */
    public RawOpener withAeadTagLength(int tagBytes) {
        RawCiphers.requireTagLength(RawMode.GCM, tagBytes);
        return new RawOpener(key, tagBytes, listener);
    }

    /**
     * Returns an opener that reports the reason of each failure to the listener.
     *
     * @param failureListener receives the reasons; never given plaintext or key material
     * @return a new opener with the same key and tag length
     */
    public RawOpener withFailureListener(OpenFailureListener failureListener) {
        return new RawOpener(key, tagBytes, Objects.requireNonNull(failureListener, "failureListener"));
    }

    /**
     * Decrypts a sealed value.
     *
     * @param sealed {@code encData} with its parameters
     * @return the plaintext, padding removed
     * @throws EnvelopeOpenException if it cannot be decrypted
     */
    public byte[] open(RawEncryptedData sealed) {
        if (sealed == null) {
            throw OpenFailure.report(listener, "RAW", new OpenFailure("no sealed data"));
        }
        return open(sealed.encData(), sealed.params());
    }

    /**
     * Decrypts {@code encData}.
     *
     * @param encData the base64 ciphertext
     * @param params the {@code rawEncParams}
     * @return the plaintext, padding removed
     * @throws EnvelopeOpenException if it cannot be decrypted
     */
    public byte[] open(String encData, RawEncParams params) {
        byte[] padded = null;
        try {
            if (encData == null || params == null) {
                throw new OpenFailure("no encData or no rawEncParams");
            }
            RawAlgorithm algorithm = params.algo();
            RawMode mode = params.mode();
            try {
                algorithm.requireFullStrength(key);
                RawCiphers.requireSupported(algorithm, mode);
                RawCiphers.requireTagLength(mode, tagBytes);
            } catch (IllegalArgumentException e) {
                throw new OpenFailure(e.getMessage());
            }
            byte[] ciphertext = decode(encData, "encData");
            byte[] ivOrNonce = null;
            if (mode == RawMode.CBC) {
                ivOrNonce = decode(params.iv(), "iv");
                requireLength(ivOrNonce, algorithm.blockSize(), "the IV is not one block");
            } else if (mode.isAead()) {
                ivOrNonce = decode(params.aeadNonce(), "aeadNonce");
                requireLength(ivOrNonce, RawCiphers.NONCE_LENGTH, "the nonce is not " + RawCiphers.NONCE_LENGTH + " bytes");
                byte[] tag = decode(params.aeadMac(), "aeadMac");
                requireLength(tag, tagBytes, "the tag is not the configured " + tagBytes + " bytes");
                ciphertext = concat(ciphertext, tag);
            }
            try {
                padded = RawCiphers.run(Cipher.DECRYPT_MODE, algorithm, mode, key, ivOrNonce, tagBytes, ciphertext);
            } catch (Exception e) {
                throw new OpenFailure("decryption failed (key, tag or block length)");
            }
            if (params.padding() != RawPadding.ISO_7816) {
                return padded.clone();
            }
            try {
                return Iso7816Padding.unpad(padded, algorithm.blockSize());
            } catch (IllegalArgumentException e) {
                throw new OpenFailure("bad ISO 7816-4 padding");
            }
        } catch (Exception e) {
            throw OpenFailure.report(listener, "RAW", e);
        } finally {
            if (padded != null) {
                Arrays.fill(padded, (byte) 0);
            }
        }
    }

    private static byte[] decode(String base64, String field) {
        if (base64 == null) {
            throw new OpenFailure(field + " is missing");
        }
        try {
            return Base64s.decodeLenientWhitespace(base64);
        } catch (IllegalArgumentException e) {
            throw new OpenFailure(field + " is not base64");
        }
    }

    private static void requireLength(byte[] value, int length, String reason) {
        if (value.length != length) {
            throw new OpenFailure(reason);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
