package io.tokensdk.crypto.payload;

import com.google.gson.JsonObject;
import io.tokensdk.crypto.PanMask;
import java.util.Objects;

/** The plaintext of createToken's {@code tokenInfo.encryptedData}: {@code dpan} and {@code exp}, both mandatory. */
public final class TokenData implements Payload {
    /** Decodes and validates an opened {@code tokenInfo.encryptedData}; an unknown member is refused. */
    public static final PayloadType<TokenData> TYPE = plaintext -> {
        JsonObject json = JsonPayloads.decodeObject(plaintext, "dpan", "exp");
        return of(JsonPayloads.optionalString(json, "dpan"), JsonPayloads.optionalString(json, "exp"));
    };

    private final String dpan;
    private final String exp;

    private TokenData(String dpan, String exp) {
        this.dpan = FieldRules.pan("dpan", FieldRules.requirePresent("dpan", dpan));
        this.exp = FieldRules.expiry("exp", FieldRules.requirePresent("exp", exp));
    }

    /**
     * Creates the payload.
     *
     * @param dpan the token PAN, 8 to 19 digits
     * @param exp the token expiry date MMYY
     * @return the validated payload
     * @throws io.tokensdk.crypto.InvalidPayloadException if a field is absent or malformed
     */
    public static TokenData of(String dpan, String exp) {
        return new TokenData(dpan, exp);
    }

    /** @return the token PAN */
    public String dpan() {
        return dpan;
    }

    /** @return the token expiry date MMYY */
    public String exp() {
        return exp;
    }

    @Override
    public byte[] toPlaintext() {
        JsonObject json = new JsonObject();
        json.addProperty("dpan", dpan);
        json.addProperty("exp", exp);
        return JsonPayloads.encode(json);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenData that && dpan.equals(that.dpan) && exp.equals(that.exp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpan, exp);
    }

    @Override
    public String toString() {
        return "TokenData{dpan=" + PanMask.mask(dpan) + ", exp=" + Masks.presence(exp) + "}";
    }
}
