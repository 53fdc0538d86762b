package io.tokensdk.crypto.jwe;

import io.tokensdk.crypto.internal.OpenFailure;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the protected header of an ECDH-ES JWE: a strict JSON parser (RFC 8259, UTF-8) for exactly the members the
 * profile allows, {@code alg}, {@code enc}, {@code kid}, {@code cty}, {@code typ}, {@code apu}, {@code apv} (strings)
 * and {@code epk} (an object of exactly {@code kty}, {@code crv}, {@code x} and {@code y}, strings). A header that is
 * not one JSON object, repeats a member, gives a member another type or carries anything after the object cannot be
 * parsed; {@code crit}, {@code zip} and every other member are refused, each with its reason. The header's values
 * are read once, straight from its bytes, and the ephemeral key's coordinates handed on as bytes.
 */
final class EcdhEsHeaderReader {
    private static final String MALFORMED = "the header cannot be parsed";
    private static final String NOT_P256 = "the ephemeral key is not an EC P-256 key";
    private static final int COORDINATE_BYTES = 32;
    /** How deep the value of an unknown member may nest before the header is refused unread. */
    private static final int MAX_DEPTH = 8;

    private final byte[] json;
    private int at;

    private String alg;
    private String enc;
    private String kid;
    private String cty;
    private String typ;
    private String apu;
    private String apv;
    private boolean epk;
    private String kty;
    private String crv;
    private String x;
    private String y;
    private boolean critical;
    private boolean compressed;
    private boolean outsideProfile;
    private boolean epkOutsideProfile;

    private EcdhEsHeaderReader(byte[] json) {
        this.json = json;
    }

    /**
     * Parses a decoded protected header.
     *
     * @throws OpenFailure if the header is not well-formed JSON of the whitelisted members
     */
    static EcdhEsHeaderReader read(byte[] json) {
        EcdhEsHeaderReader reader = new EcdhEsHeaderReader(json);
        reader.readHeader();
        if (reader.critical) {
            throw new OpenFailure("the JWE has critical header parameters");
        }
        if (reader.compressed) {
            throw new OpenFailure("zip is not allowed");
        }
        if (reader.outsideProfile) {
            throw new OpenFailure("the header has a member outside the ECDH-ES profile");
        }
        return reader;
    }

    String alg() {
        return alg;
    }

    String enc() {
        return enc;
    }

    String kid() {
        return kid;
    }

    String cty() {
        return cty;
    }

    /**
     * The header for the decrypter, once the ephemeral key is a P-256 key of two 32-byte coordinates and
     * {@code apu} and {@code apv} are base64url. Whether the point is on the curve is the decrypter's check.
     */
    JweHeader header() {
        if (!epk) {
            throw new OpenFailure("no ephemeral key");
        }
        if (epkOutsideProfile || !"EC".equals(kty) || !"P-256".equals(crv)) {
            throw new OpenFailure(NOT_P256);
        }
        byte[] epkX = decodeOrNull(x);
        byte[] epkY = decodeOrNull(y);
        if (epkX == null || epkY == null || epkX.length != COORDINATE_BYTES || epkY.length != COORDINATE_BYTES) {
            throw new OpenFailure(NOT_P256);
        }
        return new JweHeader(kid, epkX, epkY, partyInfo(apu), partyInfo(apv));
    }

    private static byte[] partyInfo(String value) {
        if (value == null) {
            return new byte[0];
        }
        byte[] decoded = decodeOrNull(value);
        if (decoded == null) {
            throw new OpenFailure(MALFORMED);
        }
        return decoded;
    }

    private static byte[] decodeOrNull(String value) {
        if (value == null) {
            return null;
        }
        // A character outside ASCII becomes '?', which is not base64url either.
        byte[] ascii = value.getBytes(StandardCharsets.US_ASCII);
        return Base64Url.decode(ascii, 0, ascii.length);
    }

    private void readHeader() {
        skipWhitespace();
        readObject(this::readMember);
        skipWhitespace();
        if (at != json.length) {
            throw new OpenFailure(MALFORMED);
        }
    }

    private void readMember(String name) {
        switch (name) {
            case "alg" -> alg = once(alg, readString());
            case "enc" -> enc = once(enc, readString());
            case "kid" -> kid = once(kid, readString());
            case "cty" -> cty = once(cty, readString());
            case "typ" -> typ = once(typ, readString());
            case "apu" -> apu = once(apu, readString());
            case "apv" -> apv = once(apv, readString());
            case "epk" -> {
                if (epk) {
                    throw new OpenFailure(MALFORMED);
                }
                epk = true;
                readObject(this::readEphemeralKeyMember);
            }
            case "crit" -> {
                critical = once(critical);
                skipValue(0);
            }
            case "zip" -> {
                compressed = once(compressed);
                skipValue(0);
            }
            default -> {
                outsideProfile = true;
                skipValue(0);
            }
        }
    }

    private void readEphemeralKeyMember(String name) {
        switch (name) {
            case "kty" -> kty = once(kty, readString());
            case "crv" -> crv = once(crv, readString());
            case "x" -> x = once(x, readString());
            case "y" -> y = once(y, readString());
            default -> {
                epkOutsideProfile = true;
                skipValue(1);
            }
        }
    }

    /** Reads the object at the cursor; {@code member} gets each member's name and reads its value. */
    private void readObject(Consumer<String> member) {
        expect('{');
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return;
        }
        do {
            skipWhitespace();
            String name = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            member.accept(name);
            skipWhitespace();
        } while (next() == ',');
        at--;
        expect('}');
    }

    /** Duplicate members are refused: JSON parsers disagree on which one wins. */
    private static String once(String previous, String value) {
        if (previous != null) {
            throw new OpenFailure(MALFORMED);
        }
        return value;
    }

    private static boolean once(boolean seen) {
        if (seen) {
            throw new OpenFailure(MALFORMED);
        }
        return true;
    }

    /** Reads and drops any JSON value, so that an unknown member is refused for what it is, not as malformed. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw new OpenFailure(MALFORMED);
        }
        int c = peek();
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            skipContainer(depth);
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else {
            skipNumber();
        }
    }

    private void skipContainer(int depth) {
        boolean object = next() == '{';
        char close = object ? '}' : ']';
        skipWhitespace();
        if (peek() == close) {
            at++;
            return;
        }
        do {
            skipWhitespace();
            if (object) {
                readString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
            }
            skipValue(depth + 1);
            skipWhitespace();
        } while (next() == ',');
        at--;
        expect(close);
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            expect(word.charAt(i));
        }
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} */
    private void skipNumber() {
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (peek() == '.') {
            at++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
    }

    private void digits() {
        if (!isDigit(peek())) {
            throw new OpenFailure(MALFORMED);
        }
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private String readString() {
        expect('"');
        int start = at;
        while (at < json.length) {
            int c = json[at];
            if (c == '"') {
                return new String(json, start, at++ - start, StandardCharsets.US_ASCII);
            }
            if (c == '\\' || c < 0x20) {
                // c < 0x20 also holds every byte of a multi-byte UTF-8 sequence (negative as a signed byte).
                return readEscapedString(start);
            }
            at++;
        }
        throw new OpenFailure(MALFORMED);
    }

    /** The slow path: escapes, and non-ASCII text decoded as strict UTF-8. */
    private String readEscapedString(int start) {
        StringBuilder text = new StringBuilder().append(new String(json, start, at - start, StandardCharsets.US_ASCII));
        while (at < json.length) {
            int c = json[at];
            if (c == '"') {
                at++;
                return text.toString();
            }
            if (c == '\\') {
                at++;
                text.append(escaped());
            } else if (c < 0) {
                int run = at;
                while (at < json.length && json[at] < 0) {
                    at++;
                }
                text.append(utf8(run, at));
            } else if (c < 0x20) {
                throw new OpenFailure(MALFORMED);
            } else {
                text.append((char) c);
                at++;
            }
        }
        throw new OpenFailure(MALFORMED);
    }

    private char escaped() {
        int c = next();
        switch (c) {
            case '"', '\\', '/' -> {
                return (char) c;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(next(), 16);
                    if (digit < 0) {
                        throw new OpenFailure(MALFORMED);
                    }
                    code = code << 4 | digit;
                }
                return (char) code;
            }
            default -> throw new OpenFailure(MALFORMED);
        }
    }

    private String utf8(int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new OpenFailure(MALFORMED);
        }
    }

    private void skipWhitespace() {
        while (at < json.length && (json[at] == ' ' || json[at] == '\t' || json[at] == '\n' || json[at] == '\r')) {
            at++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw new OpenFailure(MALFORMED);
        }
    }

    /** The next byte without consuming it, or -1 at the end. */
    private int peek() {
        return at < json.length ? json[at] : -1;
    }

    /** The next byte, consumed; at the end the header is malformed. */
    private int next() {
        if (at >= json.length) {
            throw new OpenFailure(MALFORMED);
        }
        return json[at++];
    }
}
