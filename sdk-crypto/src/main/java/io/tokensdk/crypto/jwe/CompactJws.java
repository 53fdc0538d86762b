package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.internal.OpenFailure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A compact JWS (RFC 7515) read directly: split once, the header parsed once (by nimbus), the ES256 signature verified
 * over the signing input as it stands, and the payload decoded once, only after the signature verifies. Every failure is
 * an {@link OpenFailure}.
 */
final class CompactJws {
    /** ES256 (RFC 7518, section 3.4): R and S of 32 bytes each, concatenated. */
    static final int ES256_SIGNATURE_BYTES = 64;
    /** The JCA name of ECDSA with SHA-256 over the raw R || S form, on BouncyCastle. */
    private static final String PLAIN_ECDSA_SHA256 = "SHA256withPLAIN-ECDSA";

    private final String compact;
    private final int headerEnd;
    private final int payloadEnd;
    private final JWSHeader header;

    private CompactJws(String compact, int headerEnd, int payloadEnd, JWSHeader header) {
        this.compact = compact;
        this.headerEnd = headerEnd;
        this.payloadEnd = payloadEnd;
        this.header = header;
    }

    /**
     * Splits and reads the header; refuses anything but three parts, and any header nimbus would not verify with
     * (critical parameters, an unencoded payload).
     */
    static CompactJws parse(String compact) {
        int headerEnd = compact.indexOf('.');
        int payloadEnd = headerEnd < 0 ? -1 : compact.indexOf('.', headerEnd + 1);
        if (payloadEnd < 0 || compact.indexOf('.', payloadEnd + 1) >= 0) {
            throw new OpenFailure("the content is not a compact JWS");
        }
        JWSHeader header;
        try {
            header = JWSHeader.parse(new Base64URL(compact.substring(0, headerEnd)));
        } catch (java.text.ParseException e) {
            throw new OpenFailure("the content is not a compact JWS");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new OpenFailure("the JWS has critical header parameters");
        }
        if (!header.isBase64URLEncodePayload()) {
            throw new OpenFailure("the JWS payload is not base64url");
        }
        return new CompactJws(compact, headerEnd, payloadEnd, header);
    }

    JWSHeader header() {
        return header;
    }

    /**
     * Verifies the ES256 signature with a key of BouncyCastle's own class (no conversion per call), then decodes the
     * payload.
     *
     * @param signer the trusted P-256 key, as made by {@link Bc#provider()}'s key factory
     * @return the payload bytes
     */
    byte[] verifiedPayload(PublicKey signer) {
        byte[] signature = decode(compact.substring(payloadEnd + 1));
        if (signature.length != ES256_SIGNATURE_BYTES) {
            throw new OpenFailure("the signature does not verify");
        }
        boolean valid;
        try {
            Signature es256 = Signature.getInstance(PLAIN_ECDSA_SHA256, Bc.provider());
            es256.initVerify(signer);
            es256.update(compact.substring(0, payloadEnd).getBytes(StandardCharsets.US_ASCII));
            valid = es256.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new OpenFailure("the signature does not verify");
        }
        return decode(compact.substring(headerEnd + 1, payloadEnd));
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new OpenFailure("a JWS part is not base64url");
        }
    }
}
