package io.tokensdk.crypto.payload;

import com.google.gson.JsonObject;
import io.tokensdk.crypto.PanMask;

/** A JSON payload holding one mandatory PAN member. */
abstract class SinglePanPayload implements Payload {
    private final String field;
    private final String pan;

    SinglePanPayload(String field, String pan) {
        this.field = field;
        this.pan = FieldRules.pan(field, FieldRules.requirePresent(field, pan));
    }

    static String readPan(byte[] plaintext, String field) {
        return JsonPayloads.optionalString(JsonPayloads.decodeObject(plaintext, field), field);
    }

    final String pan() {
        return pan;
    }

    @Override
    public final byte[] toPlaintext() {
        JsonObject json = new JsonObject();
        json.addProperty(field, pan);
        return JsonPayloads.encode(json);
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && pan.equals(((SinglePanPayload) other).pan);
    }

    @Override
    public final int hashCode() {
        return pan.hashCode();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "{" + field + "=" + PanMask.mask(pan) + "}";
    }
}
