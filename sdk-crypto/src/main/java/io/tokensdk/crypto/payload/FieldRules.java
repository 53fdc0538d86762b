package io.tokensdk.crypto.payload;

import com.google.gson.JsonElement;
import io.tokensdk.crypto.InvalidPayloadException;

/**
 * The field rules of the spec tables. Errors name the field and the rule, never the value.
 */
final class FieldRules {
    /** ISO/IEC 7812-1 allows 8 to 19 digits; the spec tables say "up to 19". */
    static final int PAN_MIN_DIGITS = 8;
    static final int PAN_MAX_DIGITS = 19;

    private FieldRules() {
    }

    static String requirePresent(String field, String value) {
        if (value == null) {
            throw new InvalidPayloadException(field, "is mandatory");
        }
        return value;
    }

    /** 8 to 19 digits whose last is the Luhn check digit. */
    static String pan(String field, String value) {
        digits(field, value, PAN_MIN_DIGITS, PAN_MAX_DIGITS);
        if (value != null && !Luhn.isValid(value)) {
            throw new InvalidPayloadException(field, "fails the Luhn check");
        }
        return value;
    }

    /** MMYY with a month from 01 to 12. */
    static String expiry(String field, String value) {
        if (value == null) {
            return null;
        }
        boolean valid = value.length() == 4 && allDigits(value);
        if (valid) {
            int month = Integer.parseInt(value.substring(0, 2));
            valid = month >= 1 && month <= 12;
        }
        if (!valid) {
            throw new InvalidPayloadException(field, "must be 4 digits in the format MMYY");
        }
        return value;
    }

    static String digits(String field, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() < min || value.length() > max || !allDigits(value)) {
            String length = min == max ? String.valueOf(min) : min + " to " + max;
            throw new InvalidPayloadException(field, "must be " + length + " digits");
        }
        return value;
    }

    static String exactLength(String field, String value, int length) {
        if (value != null && value.length() != length) {
            throw new InvalidPayloadException(field, "must be " + length + " characters long");
        }
        return value;
    }

    static String digitsOneOf(String field, String value, int first, int second) {
        if (value != null && ((value.length() != first && value.length() != second) || !allDigits(value))) {
            throw new InvalidPayloadException(field, "must be " + first + " or " + second + " digits");
        }
        return value;
    }

    static JsonElement openJson(String field, JsonElement value, int maxChars) {
        if (value != null && JsonPayloads.toCompactJson(value).length() > maxChars) {
            throw new InvalidPayloadException(field, "must be at most " + maxChars + " characters of JSON");
        }
        return value;
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
