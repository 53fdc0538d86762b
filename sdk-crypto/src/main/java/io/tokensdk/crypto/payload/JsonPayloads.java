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

/** JSON encoding and strict decoding shared by the JSON payloads. */
final class JsonPayloads {
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
            throw new InvalidPayloadException("payload", "is not UTF-8");
        }
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new InvalidPayloadException("payload", "has trailing data after the JSON object");
            }
            if (!element.isJsonObject()) {
                throw new InvalidPayloadException("payload", "is not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
            // The parser's message may quote the plaintext, so it is dropped.
            throw new InvalidPayloadException("payload", "is not valid JSON");
        }
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
