package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokensdk.crypto.EnvelopeSealException;
import io.tokensdk.crypto.EnvelopeSealer;

/**
 * Seals a payload into a compact JWE for one recipient public JWK, whose {@code kid} goes into the header.
 * Immutable and thread-safe.
 */
public final class JweSealer implements EnvelopeSealer {
    private final JweProfile profile;
    private final JWK recipient;

    JweSealer(JweProfile profile, JWK recipient) {
        this.profile = profile;
        this.recipient = profile.requireRecipient(recipient);
    }

    /**
     * Creates a sealer for token credentials: {@code alg} ECDH-ES, {@code enc} A256GCM, curve P-256.
     *
     * @param recipient the recipient's EC P-256 JWK with a {@code kid} (a private JWK is reduced to its public part)
     * @return the sealer
     * @throws IllegalArgumentException if the key is not P-256 or has no kid
     */
    public static JweSealer ecdhEs(ECKey recipient) {
        return new JweSealer(JweProfile.ECDH_ES_A256GCM, recipient);
    }

    /**
     * Creates a sealer for the PAT real account number: {@code alg} RSA-OAEP-256, {@code enc} A256GCM.
     *
     * @param recipient the recipient's RSA JWK (2048 bits or more) with a {@code kid}
     * @return the sealer
     * @throws IllegalArgumentException if the key is too small or has no kid
     */
    public static JweSealer rsaOaep256(RSAKey recipient) {
        return new JweSealer(JweProfile.RSA_OAEP_256_A256GCM, recipient);
    }

    /**
     * Seals raw bytes.
     *
     * @param plaintext the bytes to seal
     * @return the compact JWE
     * @throws EnvelopeSealException if encryption fails
     */
    @Override
    public String seal(byte[] plaintext) {
        try {
            JWEObject jwe = new JWEObject(profile.header(recipient.getKeyID()), new com.nimbusds.jose.Payload(plaintext));
            jwe.encrypt(profile.encrypter(recipient));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new EnvelopeSealException("JWE could not be sealed", e);
        }
    }
}
