package io.tokensdk.crypto.raw;

import io.tokensdk.crypto.internal.Bc;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key check values, for example for {@code kekKcv}.
 *
 * <p>Convention of {@link #of}: encrypt one all-zero block (16 bytes for AES, 8 for 3DES) in ECB with the key and
 * keep the first 3 bytes, as upper-case hex (6 characters). The AES-128 all-zero key gives {@code 66E94B}; the 3DES
 * key {@code 0123456789ABCDEFFEDCBA9876543210} gives {@code 08D7B4}.
 *
 * <p>{@link #cmac} is the CMAC-based variant of ANSI X9.24-1:2017: the CMAC of one all-zero block, first 5 bytes.
 */
public final class Kcv {
    private static final int KCV_BYTES = 3;
    private static final int CMAC_KCV_BYTES = 5;

    private Kcv() {
    }

    /**
     * Computes the ECB-based KCV of a key whose algorithm is {@code AES} or {@code DESede} (also {@code 3DES},
     * {@code TripleDES}).
     *
     * @param key the key
     * @return 6 upper-case hex characters
     */
    public static String of(SecretKey key) {
        return of(algorithmOf(key), key.getEncoded());
    }

    /**
     * Computes the ECB-based KCV of raw key bytes.
     *
     * @param algorithm AES or 3DES
     * @param key the key bytes (AES 16/24/32, 3DES 16/24)
     * @return 6 upper-case hex characters
     */
    public static String of(RawAlgorithm algorithm, byte[] key) {
        try {
            byte[] encrypted = RawCiphers.run(Cipher.ENCRYPT_MODE, algorithm, RawMode.ECB, key, null, 0,
                    new byte[algorithm.blockSize()]);
            return hex(encrypted, KCV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("KCV could not be computed", e);
        }
    }

    /**
     * Computes the CMAC-based KCV (X9.24-1:2017) of a key.
     *
     * @param key the key (AES, or DESede)
     * @return 10 upper-case hex characters
     */
    public static String cmac(SecretKey key) {
        RawAlgorithm algorithm = algorithmOf(key);
        byte[] jcaKey = algorithm.jcaKey(key.getEncoded());
        try {
            Mac mac = Mac.getInstance(algorithm == RawAlgorithm.AES ? "AESCMAC" : "DESedeCMAC", Bc.provider());
            mac.init(new SecretKeySpec(jcaKey, algorithm.jcaName()));
            return hex(mac.doFinal(new byte[algorithm.blockSize()]), CMAC_KCV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("CMAC KCV could not be computed", e);
        } finally {
            Arrays.fill(jcaKey, (byte) 0);
        }
    }

    private static RawAlgorithm algorithmOf(SecretKey key) {
        return switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "AES" -> RawAlgorithm.AES;
            case "DESEDE", "3DES", "TRIPLEDES" -> RawAlgorithm.TRIPLE_DES;
            default -> throw new IllegalArgumentException("KCV needs an AES or DESede key, got " + key.getAlgorithm());
        };
    }

    private static String hex(byte[] bytes, int length) {
        return HexFormat.of().withUpperCase().formatHex(bytes, 0, length);
    }
}
