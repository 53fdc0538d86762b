package io.tokensdk.crypto.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Loads a JWK (RFC 7517) or a JWK set ({@code {"keys": [...]}}) from JSON. */
public final class JwkLoader {
    private JwkLoader() {
    }

    /**
     * Loads one JWK.
     *
     * @param path the JSON file
     * @return the key
     * @throws KeyLoadException if the file is missing or is not a JWK
     */
    public static JWK loadKey(Path path) {
        return parseKey(KeySources.read(path));
    }

    /**
     * Loads one JWK from a stream, which is read to the end and left open.
     *
     * @param in the JSON bytes
     * @return the key
     * @throws KeyLoadException if the bytes are not a JWK
     */
    public static JWK loadKey(InputStream in) {
        return parseKey(KeySources.read(in));
    }

    /**
     * Loads a JWK set.
     *
     * @param path the JSON file
     * @return the key set
     * @throws KeyLoadException if the file is missing or is not a JWK set
     */
    public static JWKSet loadSet(Path path) {
        return parseSet(KeySources.read(path));
    }

    /**
     * Loads a JWK set from a stream, which is read to the end and left open.
     *
     * @param in the JSON bytes
     * @return the key set
     * @throws KeyLoadException if the bytes are not a JWK set
     */
    public static JWKSet loadSet(InputStream in) {
        return parseSet(KeySources.read(in));
    }

    private static JWK parseKey(byte[] bytes) {
        Map<String, Object> json = parseJson(bytes);
        if (json.containsKey("keys")) {
            throw new KeyLoadException("the JSON is a JWK set, not a single JWK");
        }
        if (!(json.get("kty") instanceof String)) {
            throw new KeyLoadException("the JSON is not a JWK: it has no \"kty\" member");
        }
        try {
            return JWK.parse(json);
        } catch (Exception e) {
            // nimbus messages may quote parameter values, so only the kind of problem is reported.
            throw new KeyLoadException("the JWK of kty '" + json.get("kty")
                    + "' is malformed: a parameter is missing, not base64url, or the point is not on the curve");
        }
    }

    private static JWKSet parseSet(byte[] bytes) {
        Map<String, Object> json = parseJson(bytes);
        if (!(json.get("keys") instanceof java.util.List)) {
            throw new KeyLoadException("the JSON is not a JWK set: it has no \"keys\" array");
        }
        try {
            return JWKSet.parse(json);
        } catch (Exception e) {
            throw new KeyLoadException("the JWK set holds a malformed JWK: a parameter is missing, not base64url, "
                    + "or the point is not on the curve");
        }
    }

    private static Map<String, Object> parseJson(byte[] bytes) {
        try {
            return JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new KeyLoadException("not a JSON object");
        }
    }
}
