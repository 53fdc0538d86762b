package io.tokensdk.crypto.payload;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.tokensdk.crypto.InvalidPayloadException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** JSON encoding and strict decoding shared by the JSON payloads. */
final class JsonPayloads {
    private static final String WHOLE_PAYLOAD = InvalidPayloadException.WHOLE_PAYLOAD;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonPayloads() {
    }

    static byte[] encode(JsonObject json) {
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }

    static String toCompactJson(JsonElement json) {
        return GSON.toJson(json);
    }

    /** Parses a plaintext as one strict JSON object; errors name no content. */
    static JsonObject decodeObject(byte[] plaintext) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidPayloadException(WHOLE_PAYLOAD, "is not UTF-8");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new InvalidPayloadException(WHOLE_PAYLOAD, "has trailing data after the JSON object");
            }
            if (!element.isJsonObject()) {
                throw new InvalidPayloadException(WHOLE_PAYLOAD, "is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
            // The parser's message may quote the plaintext, so it is dropped.
            throw new InvalidPayloadException(WHOLE_PAYLOAD, "is not valid JSON");
        }
    }

    /**
     * Parses a plaintext as one strict JSON object holding only the given members. An unknown member is refused
     * rather than ignored: in an unauthenticated envelope it is what an altered member name looks like.
     */
    static JsonObject decodeObject(byte[] plaintext, String... members) {
        JsonObject json = decodeObject(plaintext);
        for (String name : json.keySet()) {
            if (!Arrays.asList(members).contains(name)) {
                // The name is not quoted: it may be altered plaintext.
                throw new InvalidPayloadException(WHOLE_PAYLOAD, "has a member the spec does not define");
            }
        }
        return json;
    }

    /** Returns a string member, {@code null} when absent or JSON null. */
    static String optionalString(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new InvalidPayloadException(field, "must be a JSON string");
        }
        return value.getAsString();
    }

    /** Returns an open-format member, {@code null} when absent or JSON null. */
    static JsonElement optionalElement(JsonObject json, String field) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? null : value.deepCopy();
    }

    static void putIfPresent(JsonObject json, String field, String value) {
        if (value != null) {
            json.addProperty(field, value);
        }
    }

    static void putIfPresent(JsonObject json, String field, JsonElement value) {
        if (value != null) {
            json.add(field, value.deepCopy());
        }
    }
}
