package io.tokensdk.crypto.raw;

import io.tokensdk.crypto.internal.Bc;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Runs one RAW encryption or decryption: on the JDK (SunJCE), except CCM, which needs BouncyCastle. */
final class RawCiphers {
    static final int NONCE_LENGTH = 12;

    private RawCiphers() {
    }

    /** The shortest AEAD tag allowed: shorter tags make forgeries practical. */
    static final int MIN_TAG_LENGTH = 12;
    static final int MAX_TAG_LENGTH = 16;

    /** GCM: 12 to 16 bytes; CCM: 12, 14 or 16 (CCM tags have an even length). */
    static void requireTagLength(RawMode mode, int tagBytes) {
        if (tagBytes < MIN_TAG_LENGTH || tagBytes > MAX_TAG_LENGTH || mode == RawMode.CCM && tagBytes % 2 != 0) {
            throw new IllegalArgumentException("AEAD tag length " + tagBytes + " bytes is not allowed: "
                    + MIN_TAG_LENGTH + " to " + MAX_TAG_LENGTH + (mode == RawMode.CCM ? ", even" : ""));
        }
    }

    static void requireSupported(RawAlgorithm algorithm, RawMode mode) {
        if (mode.isAead() && algorithm != RawAlgorithm.AES) {
            throw new IllegalArgumentException(mode + " needs AES, not " + algorithm.wireName());
        }
    }

    /**
     * Encrypts or decrypts without padding.
     *
     * @param ivOrNonce the CBC IV or AEAD nonce, null for ECB
     * @param tagBytes the AEAD tag length in bytes, ignored otherwise
     */
    static byte[] run(int opmode, RawAlgorithm algorithm, RawMode mode, byte[] key, byte[] ivOrNonce, int tagBytes,
            byte[] input) throws GeneralSecurityException {
        requireSupported(algorithm, mode);
        byte[] jcaKey = algorithm.jcaKey(key);
        try {
            String transformation = algorithm.jcaName() + "/" + mode + "/NoPadding";
            // AES and 3DES on the JDK (SunJCE); CCM only on BouncyCastle.
            Cipher cipher = mode == RawMode.CCM ? Cipher.getInstance(transformation, Bc.provider())
                    : Cipher.getInstance(transformation);
            SecretKeySpec keySpec = new SecretKeySpec(jcaKey, algorithm.jcaName());
            AlgorithmParameterSpec spec = switch (mode) {
                case ECB -> null;
                case CBC -> new IvParameterSpec(ivOrNonce);
                case GCM, CCM -> new GCMParameterSpec(tagBytes * 8, ivOrNonce);
            };
            if (spec == null) {
                cipher.init(opmode, keySpec);
            } else {
                cipher.init(opmode, keySpec, spec);
            }
            return cipher.doFinal(input);
        } finally {
            Arrays.fill(jcaKey, (byte) 0);
        }
    }
}
