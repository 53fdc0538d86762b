package io.tokensdk.crypto.jwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.payload.TokenData;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The strict reader of the ECDH-ES protected header against hostile headers. Each JWE is sealed here by hand, with
 * the JDK's own ECDH (SunEC), Concat KDF and AES-GCM over exactly the header bytes given, so that the header is the
 * only thing wrong with it: every refusal is the one generic error, and the listener hears why.
 */
class EcdhEsHeaderTest {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ECKey RECIPIENT = ec("strict-ec");
    private static final TokenData TOKEN = TokenData.of("4895370012345671", "1229");
    private static final String MALFORMED = "JWE: the header cannot be parsed";
    private static final String NOT_P256 = "JWE: the ephemeral key is not an EC P-256 key";
    private static final String OFF_CURVE = "JWE: the ephemeral key is not a point of P-256";

    private final List<String> reasons = new ArrayList<>();
    private final JweOpener opener = JweOpener.ecdhEs(new JWKSet(RECIPIENT)).withFailureListener(reasons::add);

    @Test
    void opensWellFormedHeadersInAnyOrderWithEscapesAndWhitespace() throws Exception {
        Ephemeral e = new Ephemeral();
        assertEquals(TOKEN, opener.open(e.seal(header(e.epk())), TokenData.TYPE));
        assertEquals(TOKEN, opener.open(e.seal(" {\n\t\"epk\" : {\"y\":\"" + e.y + "\",\"x\":\"" + e.x
                + "\",\"crv\":\"P-256\",\"kty\":\"EC\"} ,\"kid\":\"\\u0073trict\\u002dec\",\"typ\":\"JWE\","
                + "\"enc\":\"A256GCM\",\"cty\":\"application\\/json\",\"alg\":\"ECDH-ES\"}\r\n"), TokenData.TYPE));
        // apu and apv enter the Concat KDF.
        byte[] apu = "tsp".getBytes(StandardCharsets.US_ASCII);
        byte[] apv = "requestor".getBytes(StandardCharsets.US_ASCII);
        assertEquals(TOKEN, opener.open(e.seal("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"strict-ec\",\"apu\":\""
                + B64URL.encodeToString(apu) + "\",\"apv\":\"" + B64URL.encodeToString(apv) + "\",\"epk\":" + e.epk()
                + "}", apu, apv), TokenData.TYPE));
        // A kid beyond ASCII, as raw UTF-8.
        ECKey accented = ec("clé-2026");
        Ephemeral forAccented = new Ephemeral(accented);
        assertEquals(TOKEN, JweOpener.ecdhEs(new JWKSet(accented)).open(forAccented.seal(
                "{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"clé-2026\",\"epk\":" + forAccented.epk() + "}"),
                TokenData.TYPE));
        assertEquals(List.of(), reasons);
    }

    @Test
    void refusesDuplicateMembers() throws Exception {
        Ephemeral e = new Ephemeral();
        refused(MALFORMED, e.seal("{\"alg\":\"ECDH-ES\",\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"strict-ec\","
                + "\"epk\":" + e.epk() + "}"));
        // Two kids: a parser keeping the first and one keeping the last would pick different keys.
        refused(MALFORMED, e.seal("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"other\",\"kid\":\"strict-ec\","
                + "\"epk\":" + e.epk() + "}"));
        refused(MALFORMED, e.seal(plus(header(e.epk()), "\"epk\":" + e.epk())));
        refused(MALFORMED, e.seal(header("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + e.x + "\",\"x\":\"" + e.x
                + "\",\"y\":\"" + e.y + "\"}")));
        refused(MALFORMED, e.seal(plus(header(e.epk()), "\"zip\":\"DEF\",\"zip\":\"DEF\"")));
    }

    @Test
    void refusesMembersOfTheWrongType() throws Exception {
        Ephemeral e = new Ephemeral();
        refused(MALFORMED, e.seal(header(e.epk()).replace("\"ECDH-ES\"", "[\"ECDH-ES\"]")));
        refused(MALFORMED, e.seal(header(e.epk()).replace("\"strict-ec\"", "7")));
        refused(MALFORMED, e.seal(header(e.epk()).replace("\"strict-ec\"", "null")));
        refused(MALFORMED, e.seal(header("\"" + B64URL.encodeToString(e.epk().getBytes(StandardCharsets.UTF_8)) + "\"")));
        refused(MALFORMED, e.seal(header(e.epk().replace("\"P-256\"", "{\"name\":\"P-256\"}"))));
        refused(MALFORMED, e.seal(plus(header(e.epk()), "\"apu\":[]")));
        refused(MALFORMED, e.seal("[" + header(e.epk()) + "]"));
        refused(MALFORMED, e.seal("\"" + header(e.epk()).replace("\"", "\\\"") + "\""));
    }

    @Test
    void refusesCriticalCompressionAndEveryMemberOutsideTheProfile() throws Exception {
        Ephemeral e = new Ephemeral();
        refused("JWE: the JWE has critical header parameters",
                e.seal(plus(header(e.epk()), "\"exp\":1,\"crit\":[\"exp\"]")));
        refused("JWE: the JWE has critical header parameters", e.seal(plus(header(e.epk()), "\"crit\":[]")));
        refused("JWE: zip is not allowed", e.seal(plus(header(e.epk()), "\"zip\":\"DEF\"")));
        for (String member : List.of("\"jku\":\"https://attacker.example/keys\"",
                "\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + e.x + "\",\"y\":\"" + e.y + "\"}",
                "\"x5c\":[\"MIIB\"]", "\"iv\":\"AAAAAAAAAAAAAAAA\"", "\"p2c\":1000000", "\"b64\":false",
                "\"nested\":{\"a\":[1,-2.5e+3,true,false,null,{}]}", "\"Alg\":\"none\"")) {
            refused("JWE: the header has a member outside the ECDH-ES profile",
                    e.seal(plus(header(e.epk()), member)));
        }
        // The ephemeral key carries exactly kty, crv, x and y: no private part, no other member.
        refused(NOT_P256, e.seal(header(plus(e.epk(), "\"d\":\"" + e.x + "\""))));
        refused(NOT_P256, e.seal(header(plus(e.epk(), "\"kid\":\"eph\""))));
    }

    @Test
    void refusesAMissingOrForeignEphemeralKey() throws Exception {
        Ephemeral e = new Ephemeral();
        refused("JWE: no ephemeral key", e.seal("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"strict-ec\"}"));
        refused(NOT_P256, e.seal(header("{}")));
        refused(NOT_P256, e.seal(header(e.epk().replace("\"P-256\"", "\"P-384\""))));
        refused(NOT_P256, e.seal(header(e.epk().replace("\"EC\"", "\"OKP\""))));
        refused(NOT_P256, e.seal(header(e.epk().replace("\"kty\":\"EC\",", ""))));
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate().toPublicJWK();
        refused(NOT_P256, e.seal(header(p384.toJSONString())));
        // Coordinates that are not 32 bytes: a leading zero byte dropped or one added.
        String shortX = B64URL.encodeToString(Arrays.copyOfRange(Base64.getUrlDecoder().decode(e.x), 1, 32));
        refused(NOT_P256, e.seal(header(e.epk().replace(e.x, shortX))));
        byte[] longer = new byte[33];
        System.arraycopy(Base64.getUrlDecoder().decode(e.y), 0, longer, 1, 32);
        refused(NOT_P256, e.seal(header(e.epk().replace(e.y, B64URL.encodeToString(longer)))));
    }

    @Test
    void refusesPointsOffTheCurveSoInvalidCurveAttacksFail() throws Exception {
        Ephemeral e = new Ephemeral();
        byte[] y = Base64.getUrlDecoder().decode(e.y);
        byte[] otherY = unsigned32(new BigInteger(1, y).add(BigInteger.ONE));
        // The JWE is sealed with the right shared secret; only the point in the header is moved off the curve.
        refused(OFF_CURVE, e.seal(header(e.epk().replace(e.y, B64URL.encodeToString(otherY)))));
        refused(OFF_CURVE, e.seal(header(e.epk().replace(e.x, B64URL.encodeToString(new byte[32]))
                .replace(e.y, B64URL.encodeToString(new byte[32])))));
        // (x, 2) lies on y^2 = x^3 - 3x + b' for some other b': the kind of point an invalid-curve attack sends.
        refused(OFF_CURVE, e.seal(header(e.epk().replace(e.y, B64URL.encodeToString(unsigned32(BigInteger.TWO))))));
        // x equal to the field prime: not a field element at all.
        BigInteger p = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
        refused(OFF_CURVE, e.seal(header(e.epk().replace(e.x, B64URL.encodeToString(unsigned32(p))))));
    }

    @Test
    void refusesBadBase64UrlInTheHeaderAndItsValues() throws Exception {
        Ephemeral e = new Ephemeral();
        refused(NOT_P256, e.seal(header(e.epk().replace(e.x, e.x.replace(e.x.charAt(5), '+')))));
        refused(NOT_P256, e.seal(header(e.epk().replace(e.x, e.x + "="))));
        refused(NOT_P256, e.seal(header(e.epk().replace(e.x, e.x + "AA"))));
        refused(NOT_P256, e.seal(header(e.epk().replace(e.x, canonicalWithSpareBits(e.x)))));
        refused(MALFORMED, e.seal(plus(header(e.epk()), "\"apu\":\"dHNw=\""), new byte[0], new byte[0]));
        refused(MALFORMED, e.seal(plus(header(e.epk()), "\"apv\":\"a b\""), new byte[0], new byte[0]));
        // The header part itself: padded, with a character outside the alphabet, with non-zero spare bits.
        String good = e.seal(header(e.epk()));
        String headerPart = good.substring(0, good.indexOf('.'));
        String rest = good.substring(good.indexOf('.'));
        refused("JWE: a part is padded base64url", headerPart + "=" + rest);
        refused("JWE: a part is not base64url", headerPart.substring(0, 10) + "+" + headerPart.substring(11) + rest);
        refused("JWE: a part is not base64url", headerPart.substring(0, 10) + "\u00e9" + headerPart.substring(11) + rest);
        String spare = canonicalWithSpareBits(headerPart);
        if (spare != null) {
            refused("JWE: a part is not base64url", spare + rest);
        }
    }

    @Test
    void refusesMalformedJsonAndTrailingGarbage() throws Exception {
        Ephemeral e = new Ephemeral();
        String header = header(e.epk());
        for (String hostile : List.of(header + "x", header + "{}", header + ",", "\uFEFF" + header,
                header.substring(0, header.length() - 1), header.replace("\"kid\":", "\"kid\" "),
                header.replace("\"kid\":\"strict-ec\"", "\"kid\":\"strict\u0001ec\""),
                header.replace("\"kid\":\"strict-ec\"", "\"kid\":\"strict\\xec\""),
                header.replace("\"kid\":\"strict-ec\"", "\"kid\":\"strict\\u00zz\""),
                header.substring(0, header.length() - 1) + ",}", header.replace("{\"alg\"", "{,\"alg\""),
                header.replace(":", "="),
                plus(header, "\"n\":01"), plus(header, "\"n\":1."), plus(header, "\"n\":tru"),
                plus(header, "\"n\":" + "[".repeat(40) + "]".repeat(40)), "", "{", "null")) {
            refused(MALFORMED, e.seal(hostile));
        }
        // Bytes that are not UTF-8 inside a string.
        byte[] latin1 = header.replace("strict-ec", "strict-\u00e9c").getBytes(StandardCharsets.ISO_8859_1);
        refused(MALFORMED, e.seal(latin1, new byte[0], new byte[0]));
        // Trailing garbage after the compact serialization: a sixth part.
        refused("JWE: not a compact JWE of five parts", e.seal(header) + ".AAAA");
    }

    private void refused(String reason, String compact) {
        reasons.clear();
        EnvelopeOpenException failure = assertThrows(EnvelopeOpenException.class, () -> opener.open(compact));
        assertEquals(EnvelopeOpenException.MESSAGE, failure.getMessage());
        assertNull(failure.getCause());
        assertEquals(List.of(reason), reasons, compact);
    }

    /** The JSON object with one more member at its end. */
    private static String plus(String json, String member) {
        return json.substring(0, json.length() - 1) + "," + member + "}";
    }

    private static String header(String epk) {
        return "{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"strict-ec\",\"epk\":" + epk + "}";
    }

    /** The same text with the spare bits of its last character set, or null if it has none. */
    private static String canonicalWithSpareBits(String part) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int spare = switch (part.length() % 4) {
            case 2 -> 0x0f;
            case 3 -> 0x03;
            default -> 0;
        };
        if (spare == 0) {
            return null;
        }
        int last = alphabet.indexOf(part.charAt(part.length() - 1));
        return part.substring(0, part.length() - 1) + alphabet.charAt(last | 1);
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == 33 && bytes[0] == 0) {
            return Arrays.copyOfRange(bytes, 1, 33);
        }
        byte[] fixed = new byte[Math.max(32, bytes.length)];
        System.arraycopy(bytes, 0, fixed, fixed.length - bytes.length, bytes.length);
        return fixed;
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ephemeral key pair and the JWEs sealed with it, on the JDK alone. */
    private static final class Ephemeral {
        private final ECKey recipient;
        private final ECKey key;
        final String x;
        final String y;

        Ephemeral() {
            this(RECIPIENT);
        }

        Ephemeral(ECKey recipient) {
            this.recipient = recipient;
            this.key = ec(null);
            this.x = key.getX().toString();
            this.y = key.getY().toString();
        }

        String epk() {
            return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        }

        String seal(String headerJson) throws Exception {
            return seal(headerJson, new byte[0], new byte[0]);
        }

        String seal(String headerJson, byte[] apu, byte[] apv) throws Exception {
            return seal(headerJson.getBytes(StandardCharsets.UTF_8), apu, apv);
        }

        /** ECDH-ES + A256GCM over exactly these header bytes (RFC 7518, sections 4.6 and 5.3). */
        String seal(byte[] headerJson, byte[] apu, byte[] apv) throws Exception {
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(key.toECPrivateKey());
            ecdh.doPhase(recipient.toECPublicKey(), true);
            byte[] z = ecdh.generateSecret();
            byte[] alg = "A256GCM".getBytes(StandardCharsets.US_ASCII);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(new byte[] {0, 0, 0, 1});
            sha256.update(z);
            sha256.update(ByteBuffer.allocate(4 + alg.length + 4 + apu.length + 4 + apv.length + 4).putInt(alg.length)
                    .put(alg).putInt(apu.length).put(apu).putInt(apv.length).put(apv).putInt(256).array());
            byte[] cek = sha256.digest();
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            String header = B64URL.encodeToString(headerJson);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
            gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = gcm.doFinal(TOKEN.toPlaintext());
            int split = sealed.length - 16;
            return header + ".." + B64URL.encodeToString(iv) + "." + B64URL.encodeToString(Arrays.copyOf(sealed, split))
                    + "." + B64URL.encodeToString(Arrays.copyOfRange(sealed, split, sealed.length));
        }
    }
}
