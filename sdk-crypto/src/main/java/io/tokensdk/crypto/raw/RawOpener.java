package io.tokensdk.crypto.raw;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.internal.Base64s;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Decrypts RAW payment credentials as described by their {@code rawEncParams}. Every failure (wrong key, bad
 * padding, bad tag, missing or malformed IV/nonce/MAC, unsupported combination) throws the same
 * {@link EnvelopeOpenException}. Immutable and thread-safe.
 * <p>Only GCM and CCM authenticate: with ECB or CBC a wrong key or tampered data is caught by the ISO 7816-4 padding
 * check when there is padding, which random data passes about once in 256 tries, and not at all without padding. Prefer
 * an AEAD mode where the peer allows it.
 */
public final class RawOpener {
    private final byte[] key;

    private RawOpener(byte[] key) {
        this.key = key;
    }

    /**
     * Creates an opener.
     *
     * @param key the key encryption key: AES 16/24/32 bytes or 3DES 16/24 bytes
     * @return the opener
     */
    public static RawOpener forKey(SecretKey key) {
        return new RawOpener(key.getEncoded().clone());
    }

    /**
     * Decrypts a sealed value.
     *
     * @param sealed {@code encData} with its parameters
     * @return the plaintext, padding removed
     * @throws EnvelopeOpenException if it cannot be decrypted
     */
    public byte[] open(RawEncryptedData sealed) {
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
            RawAlgorithm algorithm = params.algo();
            RawMode mode = params.mode();
            byte[] ciphertext = Base64s.decodeLenientWhitespace(encData);
            byte[] ivOrNonce = null;
            int tagBytes = 0;
            if (mode == RawMode.CBC) {
                ivOrNonce = Base64s.decodeLenientWhitespace(params.iv());
            } else if (mode.isAead()) {
                ivOrNonce = Base64s.decodeLenientWhitespace(params.aeadNonce());
                byte[] tag = Base64s.decodeLenientWhitespace(params.aeadMac());
                tagBytes = tag.length;
                ciphertext = concat(ciphertext, tag);
            }
            padded = RawCiphers.run(Cipher.DECRYPT_MODE, algorithm, mode, key, ivOrNonce, tagBytes, ciphertext);
            return params.padding() == RawPadding.ISO_7816
                    ? Iso7816Padding.unpad(padded, algorithm.blockSize())
                    : padded.clone();
        } catch (Exception e) {
            throw new EnvelopeOpenException();
        } finally {
            if (padded != null) {
                Arrays.fill(padded, (byte) 0);
            }
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
