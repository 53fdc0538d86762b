package io.tokensdk.crypto;

/** Luhn-valid test PANs. */
public final class TestPans {
    private TestPans() {
    }

    /** The digits followed by their Luhn check digit. */
    public static String withCheckDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            twice = !twice;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
