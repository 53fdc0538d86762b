package io.tokensdk.crypto.payload;

import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.crypto.PanMask;
import java.nio.charset.StandardCharsets;

/**
 * The plaintext of the Visa PAT encrypted real account number: the account number digits themselves, as US-ASCII,
 * not JSON.
 */
public final class AccountNumber implements Payload {
    /** Decodes and validates an opened PAT real account number. */
    public static final PayloadType<AccountNumber> TYPE = plaintext -> {
        for (byte b : plaintext) {
            if (b < '0' || b > '9') {
                throw new InvalidPayloadException("accountNumber", "must be digits only");
            }
        }
        return of(new String(plaintext, StandardCharsets.US_ASCII));
    };

    private final String value;

    private AccountNumber(String value) {
        this.value = FieldRules.pan("accountNumber", FieldRules.requirePresent("accountNumber", value));
    }

    /**
     * Creates the payload.
     *
     * @param accountNumber the real account number, 8 to 19 digits
     * @return the validated payload
     * @throws InvalidPayloadException if the number is absent or malformed
     */
    public static AccountNumber of(String accountNumber) {
        return new AccountNumber(accountNumber);
    }

    /** @return the account number digits */
    public String value() {
        return value;
    }

    @Override
    public byte[] toPlaintext() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "AccountNumber{" + PanMask.mask(value) + "}";
    }
}
