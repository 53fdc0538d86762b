package io.tokensdk.crypto;

/**
 * Masks primary account numbers for logs, {@code toString()} and messages.
 *
 * <p>A PAN of 13 or more characters keeps its first 6 and last 4 ({@code 5204731234564792} becomes
 * {@code 520473******4792}); a shorter one keeps only its last 4; 4 characters or fewer are fully masked.
 */
public final class PanMask {
    private static final char MASK = '*';

    private PanMask() {
    }

    /**
     * Masks a PAN.
     *
     * @param pan the PAN, may be {@code null}
     * @return the masked PAN, or {@code "null"} for {@code null}
     */
    public static String mask(String pan) {
        if (pan == null) {
            return "null";
        }
        int length = pan.length();
        int keepStart = length >= 13 ? 6 : 0;
        int keepEnd = length > 4 ? 4 : 0;
        StringBuilder masked = new StringBuilder(length);
        masked.append(pan, 0, keepStart);
        masked.append(String.valueOf(MASK).repeat(length - keepStart - keepEnd));
        masked.append(pan, length - keepEnd, length);
        return masked.toString();
    }

    /**
     * Masks a secret entirely, keeping nothing of its value or length (used for CVVs).
     *
     * @param secret the secret, may be {@code null}
     * @return {@code "***"}, or {@code "null"} for {@code null}
     */
    public static String maskFully(String secret) {
        return secret == null ? "null" : "***";
    }
}
