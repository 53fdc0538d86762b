package io.tokensdk.crypto.payload;

/** The Luhn (mod 10) check digit of ISO/IEC 7812-1, which every PAN carries. */
final class Luhn {
    private Luhn() {
    }

    /** True if the digits pass the check; the caller has already checked that they are all digits. */
    static boolean isValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
