package io.tokensdk.crypto.payload;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.crypto.PanMask;
import java.util.Objects;

/**
 * The plaintext of {@code cipheredCardInfo} in createToken: {@code fpan} (mandatory, up to 19 digits), {@code exp}
 * (MMYY), {@code cvv} (3 or 4 digits) and {@code additionalCardInfos} (open JSON, up to 8177 characters).
 */
public final class CardInfo implements Payload {
    /** Decodes and validates an opened {@code cipheredCardInfo}; an unknown member is refused. */
    public static final PayloadType<CardInfo> TYPE = plaintext -> {
        JsonObject json = JsonPayloads.decodeObject(plaintext, "fpan", "exp", "cvv", "additionalCardInfos");
        return builder()
                .fpan(JsonPayloads.optionalString(json, "fpan"))
                .exp(JsonPayloads.optionalString(json, "exp"))
                .cvv(JsonPayloads.optionalString(json, "cvv"))
                .additionalCardInfos(JsonPayloads.optionalElement(json, "additionalCardInfos"))
                .build();
    };

    static final int ADDITIONAL_INFO_MAX_CHARS = 8177;

    private final String fpan;
    private final String exp;
    private final String cvv;
    private final JsonElement additionalCardInfos;

    private CardInfo(Builder builder) {
        this.fpan = FieldRules.pan("fpan", FieldRules.requirePresent("fpan", builder.fpan));
        this.exp = FieldRules.expiry("exp", builder.exp);
        this.cvv = FieldRules.digitsOneOf("cvv", builder.cvv, 3, 4);
        this.additionalCardInfos = FieldRules.openJson("additionalCardInfos", builder.additionalCardInfos,
                ADDITIONAL_INFO_MAX_CHARS);
    }

    /**
     * Starts a card info.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the funding PAN */
    public String fpan() {
        return fpan;
    }

    /** @return the expiry date MMYY, or {@code null} */
    public String exp() {
        return exp;
    }

    /** @return the CVV, or {@code null} */
    public String cvv() {
        return cvv;
    }

    /** @return a copy of the additional card infos, or {@code null} */
    public JsonElement additionalCardInfos() {
        return additionalCardInfos == null ? null : additionalCardInfos.deepCopy();
    }

    @Override
    public byte[] toPlaintext() {
        JsonObject json = new JsonObject();
        json.addProperty("fpan", fpan);
        JsonPayloads.putIfPresent(json, "exp", exp);
        JsonPayloads.putIfPresent(json, "cvv", cvv);
        JsonPayloads.putIfPresent(json, "additionalCardInfos", additionalCardInfos);
        return JsonPayloads.encode(json);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardInfo that && fpan.equals(that.fpan) && Objects.equals(exp, that.exp)
                && Objects.equals(cvv, that.cvv) && Objects.equals(additionalCardInfos, that.additionalCardInfos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fpan, exp, cvv, additionalCardInfos);
    }

    @Override
    public String toString() {
        return "CardInfo{fpan=" + PanMask.mask(fpan) + ", exp=" + Masks.presence(exp) + ", cvv="
                + PanMask.maskFully(cvv) + ", additionalCardInfos=" + Masks.presence(additionalCardInfos) + "}";
    }

    /** Builds a {@link CardInfo}; {@link #build()} validates. */
    public static final class Builder {
        private String fpan;
        private String exp;
        private String cvv;
        private JsonElement additionalCardInfos;

        private Builder() {
        }

        /**
         * @param fpan the funding PAN, 8 to 19 digits
         * @return this builder
         */
        public Builder fpan(String fpan) {
            this.fpan = fpan;
            return this;
        }

        /**
         * @param exp the expiry date MMYY
         * @return this builder
         */
        public Builder exp(String exp) {
            this.exp = exp;
            return this;
        }

        /**
         * @param cvv the CVV, 3 or 4 digits
         * @return this builder
         */
        public Builder cvv(String cvv) {
            this.cvv = cvv;
            return this;
        }

        /**
         * @param additionalCardInfos project-specific JSON, up to 8177 characters
         * @return this builder
         */
        public Builder additionalCardInfos(JsonElement additionalCardInfos) {
            this.additionalCardInfos = additionalCardInfos == null ? null : additionalCardInfos.deepCopy();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the card info
         * @throws io.tokensdk.crypto.InvalidPayloadException if a field breaks the spec
         */
        public CardInfo build() {
            return new CardInfo(this);
        }
    }
}
