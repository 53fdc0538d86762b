package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Opens {@code encPaymentCredData} of encType JWE: decrypts the ECDH-ES + A256GCM JWE ({@code cty: JWT}), then
 * verifies the inner JWS against a trusted signer key. The inner algorithm must be ES256 and its {@code kid} must
 * name a trusted key (a JWS without {@code kid} is accepted only when exactly one signer is trusted). Every failure,
 * including a bad signature, throws the same {@link EnvelopeOpenException}. Immutable and thread-safe.
 */
public final class SignedJweOpener implements EnvelopeOpener {
    private final JweOpener decryption;
    private final List<ECKey> trustedSigners;

    private SignedJweOpener(JWKSet decryptionKeys, JWKSet trustedSigners) {
        this.decryption = new JweOpener(JweProfile.ECDH_ES_A256GCM_NESTED_JWT, decryptionKeys);
        this.trustedSigners = trustedSigners.getKeys().stream()
                .filter(key -> key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                .map(key -> ((ECKey) key).toPublicJWK())
                .toList();
        if (this.trustedSigners.isEmpty()) {
            throw new IllegalArgumentException("the trusted signer set holds no EC P-256 key");
        }
    }

    /**
     * Creates an opener.
     *
     * @param decryptionKeys the recipient's private EC P-256 JWKs, each with a {@code kid}
     * @param trustedSigners the public EC P-256 JWKs whose signatures are accepted
     * @return the opener
     * @throws IllegalArgumentException if a set holds no usable key
     */
    public static SignedJweOpener of(JWKSet decryptionKeys, JWKSet trustedSigners) {
        return new SignedJweOpener(decryptionKeys, trustedSigners);
    }

    /**
     * Opens and verifies.
     *
     * @param compact the compact JWE
     * @return the signed plaintext bytes
     * @throws EnvelopeOpenException if the JWE cannot be opened or the signature is not trusted
     */
    @Override
    public byte[] open(String compact) {
        byte[] nested = decryption.open(compact);
        try {
            JWSObject jws = JWSObject.parse(new String(nested, StandardCharsets.US_ASCII));
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                throw new EnvelopeOpenException();
            }
            ECKey signer = trustedSigner(jws.getHeader().getKeyID());
            if (signer == null || !jws.verify(new ECDSAVerifier(signer))) {
                throw new EnvelopeOpenException();
            }
            return jws.getPayload().toBytes();
        } catch (Exception e) {
            throw new EnvelopeOpenException();
        } finally {
            Arrays.fill(nested, (byte) 0);
        }
    }

    private ECKey trustedSigner(String kid) {
        if (kid == null) {
            return trustedSigners.size() == 1 ? trustedSigners.get(0) : null;
        }
        return trustedSigners.stream().filter(key -> kid.equals(key.getKeyID())).findFirst().orElse(null);
    }
}
