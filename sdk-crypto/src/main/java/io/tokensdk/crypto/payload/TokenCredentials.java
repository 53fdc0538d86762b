package io.tokensdk.crypto.payload;

import com.google.gson.JsonObject;
import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.crypto.PanMask;
import java.util.Objects;

/**
 * The plaintext of getTokenCredentials' {@code encryptedData}: mandatory {@code dpan}, {@code exp}, {@code fpan},
 * {@code fpanExp}; optional {@code paymentAccountReference} (29 characters), {@code serviceCode} (3 digits) and
 * {@code psn} (2 digits).
 */
public final class TokenCredentials implements Payload {
    /** Decodes and validates an opened getTokenCredentials {@code encryptedData}; an unknown member is refused. */
    public static final PayloadType<TokenCredentials> TYPE = plaintext -> {
        JsonObject json = JsonPayloads.decodeObject(plaintext, "dpan", "exp", "fpan", "fpanExp",
                "paymentAccountReference", "serviceCode", "psn");
        return builder()
                .dpan(JsonPayloads.optionalString(json, "dpan"))
                .exp(JsonPayloads.optionalString(json, "exp"))
                .fpan(JsonPayloads.optionalString(json, "fpan"))
                .fpanExp(JsonPayloads.optionalString(json, "fpanExp"))
                .paymentAccountReference(JsonPayloads.optionalString(json, "paymentAccountReference"))
                .serviceCode(JsonPayloads.optionalString(json, "serviceCode"))
                .psn(JsonPayloads.optionalString(json, "psn"))
                .build();
    };

    private static final int PAR_LENGTH = 29;

    private final String dpan;
    private final String exp;
    private final String fpan;
    private final String fpanExp;
    private final String paymentAccountReference;
    private final String serviceCode;
    private final String psn;

    private TokenCredentials(Builder b) {
        this.dpan = FieldRules.pan("dpan", FieldRules.requirePresent("dpan", b.dpan));
        this.exp = FieldRules.expiry("exp", FieldRules.requirePresent("exp", b.exp));
        this.fpan = FieldRules.pan("fpan", FieldRules.requirePresent("fpan", b.fpan));
        this.fpanExp = FieldRules.expiry("fpanExp", FieldRules.requirePresent("fpanExp", b.fpanExp));
        this.paymentAccountReference = par(b.paymentAccountReference);
        this.serviceCode = FieldRules.digits("serviceCode", b.serviceCode, 3, 3);
        this.psn = FieldRules.digits("psn", b.psn, 2, 2);
    }

    /** EMVCo PARs are 29 upper-case alphanumeric characters. */
    private static String par(String value) {
        FieldRules.exactLength("paymentAccountReference", value, PAR_LENGTH);
        if (value != null && !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            throw new InvalidPayloadException("paymentAccountReference", "must be upper-case letters and digits");
        }
        return value;
    }

    /**
     * Starts token credentials.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the token PAN */
    public String dpan() {
        return dpan;
    }

    /** @return the token expiry date MMYY */
    public String exp() {
        return exp;
    }

    /** @return the funding PAN */
    public String fpan() {
        return fpan;
    }

    /** @return the funding PAN expiry date MMYY */
    public String fpanExp() {
        return fpanExp;
    }

    /** @return the payment account reference, or {@code null} */
    public String paymentAccountReference() {
        return paymentAccountReference;
    }

    /** @return the track 2 service code, or {@code null} */
    public String serviceCode() {
        return serviceCode;
    }

    /** @return the token PAN sequence number, or {@code null} */
    public String psn() {
        return psn;
    }

    @Override
    public byte[] toPlaintext() {
        JsonObject json = new JsonObject();
        json.addProperty("dpan", dpan);
        json.addProperty("exp", exp);
        json.addProperty("fpan", fpan);
        json.addProperty("fpanExp", fpanExp);
        JsonPayloads.putIfPresent(json, "paymentAccountReference", paymentAccountReference);
        JsonPayloads.putIfPresent(json, "serviceCode", serviceCode);
        JsonPayloads.putIfPresent(json, "psn", psn);
        return JsonPayloads.encode(json);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenCredentials that && dpan.equals(that.dpan) && exp.equals(that.exp)
                && fpan.equals(that.fpan) && fpanExp.equals(that.fpanExp)
                && Objects.equals(paymentAccountReference, that.paymentAccountReference)
                && Objects.equals(serviceCode, that.serviceCode) && Objects.equals(psn, that.psn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpan, exp, fpan, fpanExp, paymentAccountReference, serviceCode, psn);
    }

    @Override
    public String toString() {
        return "TokenCredentials{dpan=" + PanMask.mask(dpan) + ", exp=" + Masks.presence(exp) + ", fpan="
                + PanMask.mask(fpan) + ", fpanExp=" + Masks.presence(fpanExp) + ", paymentAccountReference="
                + Masks.presence(paymentAccountReference) + ", serviceCode=" + Masks.presence(serviceCode)
                + ", psn=" + Masks.presence(psn) + "}";
    }

    /** Builds {@link TokenCredentials}; {@link #build()} validates. */
    public static final class Builder {
        private String dpan;
        private String exp;
        private String fpan;
        private String fpanExp;
        private String paymentAccountReference;
        private String serviceCode;
        private String psn;

        private Builder() {
        }

        /**
         * @param dpan the token PAN (mandatory)
         * @return this builder
         */
        public Builder dpan(String dpan) {
            this.dpan = dpan;
            return this;
        }

        /**
         * @param exp the token expiry date MMYY (mandatory)
         * @return this builder
         */
        public Builder exp(String exp) {
            this.exp = exp;
            return this;
        }

        /**
         * @param fpan the funding PAN (mandatory)
         * @return this builder
         */
        public Builder fpan(String fpan) {
            this.fpan = fpan;
            return this;
        }

        /**
         * @param fpanExp the funding PAN expiry date MMYY (mandatory)
         * @return this builder
         */
        public Builder fpanExp(String fpanExp) {
            this.fpanExp = fpanExp;
            return this;
        }

        /**
         * @param paymentAccountReference the 29-character PAR (optional)
         * @return this builder
         */
        public Builder paymentAccountReference(String paymentAccountReference) {
            this.paymentAccountReference = paymentAccountReference;
            return this;
        }

        /**
         * @param serviceCode the 3-digit track 2 service code (optional)
         * @return this builder
         */
        public Builder serviceCode(String serviceCode) {
            this.serviceCode = serviceCode;
            return this;
        }

        /**
         * @param psn the 2-digit PAN sequence number (optional)
         * @return this builder
         */
        public Builder psn(String psn) {
            this.psn = psn;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the credentials
         * @throws InvalidPayloadException if a field is absent or malformed
         */
        public TokenCredentials build() {
            return new TokenCredentials(this);
        }
    }
}
