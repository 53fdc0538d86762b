package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.tokensdk.crypto.EnvelopeSealException;
import io.tokensdk.crypto.EnvelopeSealer;
import java.nio.charset.StandardCharsets;

/**
 * Seals {@code encPaymentCredData} of encType JWE ("JWE encryption with JWS signature"): the plaintext is signed as
 * an ES256 JWS, which is then encrypted as an ECDH-ES + A256GCM JWE with {@code cty: JWT}. Immutable and
 * thread-safe.
 */
public final class SignedJweSealer implements EnvelopeSealer {
    /** The spec's maxLength of {@code encPaymentCredData.encData}. */
    public static final int MAX_ENC_DATA_LENGTH = 8096;

    private final ECKey signingKey;
    private final JweSealer encryption;

    private SignedJweSealer(ECKey signingKey, ECKey recipient) {
        if (!signingKey.isPrivate() || !Curve.P_256.equals(signingKey.getCurve()) || signingKey.getKeyID() == null) {
            throw new IllegalArgumentException("the signing key must be a private EC P-256 JWK with a kid");
        }
        this.signingKey = signingKey;
        this.encryption = new JweSealer(JweProfile.ECDH_ES_A256GCM_NESTED_JWT, recipient);
    }

    /**
     * Creates a sealer.
     *
     * @param signingKey the sender's private EC P-256 JWK with a {@code kid} (put in the JWS header)
     * @param recipient the recipient's EC P-256 JWK with a {@code kid} (put in the JWE header)
     * @return the sealer
     * @throws IllegalArgumentException if a key does not fit
     */
    public static SignedJweSealer of(ECKey signingKey, ECKey recipient) {
        return new SignedJweSealer(signingKey, recipient);
    }

    /**
     * Signs then encrypts raw bytes.
     *
     * @param plaintext the bytes, for example the concatenated payment credentials
     * @return the compact JWE
     * @throws EnvelopeSealException if signing or encryption fails, or the result exceeds
     *     {@value #MAX_ENC_DATA_LENGTH} characters
     */
    @Override
    public String seal(byte[] plaintext) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(),
                    new com.nimbusds.jose.Payload(plaintext));
            jws.sign(new ECDSASigner(signingKey));
            String sealed = encryption.seal(jws.serialize().getBytes(StandardCharsets.US_ASCII));
            if (sealed.length() > MAX_ENC_DATA_LENGTH) {
                throw new EnvelopeSealException("sealed value is " + sealed.length()
                        + " characters, more than the spec's encData maxLength of " + MAX_ENC_DATA_LENGTH);
            }
            return sealed;
        } catch (JOSEException e) {
            throw new EnvelopeSealException("JWS could not be signed", e);
        }
    }
}
