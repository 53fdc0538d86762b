package io.tokensdk.crypto.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Removes RSAES-PKCS1-v1_5 padding from a wrapped 32-byte content key without revealing whether the padding was valid
 * (Bleichenbacher, "Marvin"). The padding is checked in constant time; when it is wrong, a key derived from the
 * ciphertext and a per-opener secret takes the unwrapped key's place, so the failure shows only later, as the same
 * generic error that a wrong CBC padding gives, and along the same code path.
 */
final class Pkcs1ImplicitRejection {
    private static final int KEY_LENGTH = 32;
    private static final int MIN_PADDING = 8;

    private final PrivateKey privateKey;
    private final byte[] rejectionSecret;
    private final int modulusBytes;
    private final PinnedCipher raw;
    /** Keyed with the rejection secret once and never used itself: each unwrap works on a clone. */
    private final Mac rejectionMac;

    Pkcs1ImplicitRejection(PrivateKey privateKey, byte[] rejectionSecret) {
        this.privateKey = privateKey;
        this.rejectionSecret = rejectionSecret.clone();
        this.modulusBytes = (((RSAKey) privateKey).getModulus().bitLength() + 7) / 8;
        this.raw = PinnedCipher.forKey("RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, privateKey, null);
        try {
            this.rejectionMac = Mac.getInstance("HmacSHA256");
            rejectionMac.init(new SecretKeySpec(this.rejectionSecret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The 32-byte content key, or the rejection key when the padding is invalid; never throws on bad padding. */
    byte[] unwrap(byte[] encryptedKey) throws GeneralSecurityException {
        Cipher rsa = raw.newCipher();
        rsa.init(Cipher.DECRYPT_MODE, privateKey);
        byte[] em = leftPad(rsa.doFinal(encryptedKey), modulusBytes);
        byte[] rejection = rejectionKey(encryptedKey);
        byte[] key = select(em, rejection);
        Arrays.fill(em, (byte) 0);
        return key;
    }

    /** EM = 00 || 02 || PS (at least 8 non-zero bytes) || 00 || key: all checked without data-dependent branches. */
    static byte[] select(byte[] em, byte[] rejection) {
        int k = em.length;
        int separator = k - KEY_LENGTH - 1;
        int bad = em[0] & 0xff;
        bad |= (em[1] & 0xff) ^ 0x02;
        bad |= em[separator] & 0xff;
        for (int i = 2; i < separator; i++) {
            bad |= isZero(em[i]);
        }
        bad |= separator - 2 < MIN_PADDING ? 1 : 0;
        // mask is 0xff when the padding is good, 0x00 when it is bad
        int good = ((bad | -bad) >>> 31) ^ 1;
        byte mask = (byte) -good;
        byte[] key = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            key[i] = (byte) ((em[separator + 1 + i] & mask) | (rejection[i] & ~mask));
        }
        return key;
    }

    private static int isZero(byte b) {
        int v = b & 0xff;
        return ((v - 1) >>> 31) & 1;
    }

    private byte[] rejectionKey(byte[] encryptedKey) throws GeneralSecurityException {
        Mac mac;
        try {
            mac = (Mac) rejectionMac.clone();
        } catch (CloneNotSupportedException e) {
            // a provider that cannot clone: key a new Mac each time
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rejectionSecret, "HmacSHA256"));
        }
        return mac.doFinal(encryptedKey);
    }

    private static byte[] leftPad(byte[] value, int length) {
        if (value.length == length) {
            return value;
        }
        byte[] padded = new byte[length];
        System.arraycopy(value, 0, padded, length - value.length, value.length);
        return padded;
    }
}
