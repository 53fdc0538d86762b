package io.tokensdk.crypto.payload;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.crypto.PanMask;
import java.util.Objects;

/**
 * The plaintext of {@code newCipheredCardInfo} in updateToken: {@code newFpan}, {@code newExp} and
 * {@code newAdditionalCardInfos}, all optional but at least one present.
 */
public final class NewCardInfo implements Payload {
    /** Decodes and validates an opened {@code newCipheredCardInfo}; an unknown member is refused. */
    public static final PayloadType<NewCardInfo> TYPE = plaintext -> {
        JsonObject json = JsonPayloads.decodeObject(plaintext, "newFpan", "newExp", "newAdditionalCardInfos");
        return builder()
                .newFpan(JsonPayloads.optionalString(json, "newFpan"))
                .newExp(JsonPayloads.optionalString(json, "newExp"))
                .newAdditionalCardInfos(JsonPayloads.optionalElement(json, "newAdditionalCardInfos"))
                .build();
    };

    private final String newFpan;
    private final String newExp;
    private final JsonElement newAdditionalCardInfos;

    private NewCardInfo(Builder builder) {
        if (builder.newFpan == null && builder.newExp == null && builder.newAdditionalCardInfos == null) {
            throw new InvalidPayloadException("newFpan",
                    "at least one of newFpan, newExp and newAdditionalCardInfos is mandatory");
        }
        this.newFpan = builder.newFpan == null ? null : FieldRules.pan("newFpan", builder.newFpan);
        this.newExp = FieldRules.expiry("newExp", builder.newExp);
        this.newAdditionalCardInfos = FieldRules.openJson("newAdditionalCardInfos", builder.newAdditionalCardInfos,
                CardInfo.ADDITIONAL_INFO_MAX_CHARS);
    }

    /**
     * Starts a new card info.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the new funding PAN, or {@code null} */
    public String newFpan() {
        return newFpan;
    }

    /** @return the new expiry date MMYY, or {@code null} */
    public String newExp() {
        return newExp;
    }

    /** @return a copy of the new additional card infos, or {@code null} */
    public JsonElement newAdditionalCardInfos() {
        return newAdditionalCardInfos == null ? null : newAdditionalCardInfos.deepCopy();
    }

    @Override
    public byte[] toPlaintext() {
        JsonObject json = new JsonObject();
        JsonPayloads.putIfPresent(json, "newFpan", newFpan);
        JsonPayloads.putIfPresent(json, "newExp", newExp);
        JsonPayloads.putIfPresent(json, "newAdditionalCardInfos", newAdditionalCardInfos);
        return JsonPayloads.encode(json);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewCardInfo that && Objects.equals(newFpan, that.newFpan)
                && Objects.equals(newExp, that.newExp)
                && Objects.equals(newAdditionalCardInfos, that.newAdditionalCardInfos);
    }

    @Override
    public int hashCode() {
        return Objects.hash(newFpan, newExp, newAdditionalCardInfos);
    }

    @Override
    public String toString() {
        return "NewCardInfo{newFpan=" + PanMask.mask(newFpan) + ", newExp=" + Masks.presence(newExp)
                + ", newAdditionalCardInfos=" + Masks.presence(newAdditionalCardInfos) + "}";
    }

    /** Builds a {@link NewCardInfo}; {@link #build()} validates. */
    public static final class Builder {
        private String newFpan;
        private String newExp;
        private JsonElement newAdditionalCardInfos;

        private Builder() {
        }

        /**
         * @param newFpan the new funding PAN, 8 to 19 digits
         * @return this builder
         */
        public Builder newFpan(String newFpan) {
            this.newFpan = newFpan;
            return this;
        }

        /**
         * @param newExp the new expiry date MMYY
         * @return this builder
         */
        public Builder newExp(String newExp) {
            this.newExp = newExp;
            return this;
        }

        /**
         * @param newAdditionalCardInfos project-specific JSON, up to 8177 characters
         * @return this builder
         */
        public Builder newAdditionalCardInfos(JsonElement newAdditionalCardInfos) {
            this.newAdditionalCardInfos = newAdditionalCardInfos == null ? null : newAdditionalCardInfos.deepCopy();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the new card info
         * @throws io.tokensdk.crypto.InvalidPayloadException if a field breaks the spec or all are absent
         */
        public NewCardInfo build() {
            return new NewCardInfo(this);
        }
    }
}
