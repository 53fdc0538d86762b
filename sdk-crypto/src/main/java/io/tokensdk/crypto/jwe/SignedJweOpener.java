package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.OpenFailureListener;
import io.tokensdk.crypto.internal.OpenFailure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Opens {@code encPaymentCredData} of encType JWE: decrypts the ECDH-ES + A256GCM JWE ({@code cty: JWT}), then
 * verifies the inner JWS against a trusted signer key. The inner algorithm must be ES256 and its {@code kid} must
 * name a trusted key (a JWS without {@code kid} is accepted only when exactly one signer is trusted). Every failure,
 * including a bad signature, throws the same {@link EnvelopeOpenException}; the reason goes to the
 * {@link OpenFailureListener}. One verifier is built per trusted key, once. Immutable and thread-safe.
 */
public final class SignedJweOpener implements EnvelopeOpener {
    private final JweOpener decryption;
    private final Map<String, JWSVerifier> verifiersByKid;
    private final JWSVerifier onlyVerifier;
    private final OpenFailureListener listener;

    private SignedJweOpener(JweOpener decryption, Map<String, JWSVerifier> verifiersByKid, JWSVerifier onlyVerifier,
            OpenFailureListener listener) {
        this.decryption = decryption;
        this.verifiersByKid = verifiersByKid;
        this.onlyVerifier = onlyVerifier;
        this.listener = listener;
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
        Objects.requireNonNull(trustedSigners, "trustedSigners");
        List<ECKey> signers = trustedSigners.getKeys().stream()
                .filter(key -> key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                .map(key -> ((ECKey) key).toPublicJWK())
                .toList();
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("the trusted signer set holds no EC P-256 key");
        }
        Map<String, JWSVerifier> byKid = new HashMap<>();
        JWSVerifier only = null;
        for (ECKey signer : signers) {
            JWSVerifier verifier = JweProfile.verifier(signer);
            if (signer.getKeyID() != null && byKid.put(signer.getKeyID(), verifier) != null) {
                throw new IllegalArgumentException("duplicate kid '" + signer.getKeyID() + "' in the trusted signers");
            }
            only = verifier;
        }
        return new SignedJweOpener(new JweOpener(JweProfile.ECDH_ES_A256GCM_NESTED_JWT, decryptionKeys),
                Map.copyOf(byKid), signers.size() == 1 ? only : null, OpenFailureListener.NONE);
    }

    /**
     * Returns an opener that reports the reason of each failure to the listener.
     *
     * @param failureListener receives the reasons; never given plaintext or key material
     * @return a new opener with the same keys
     */
    public SignedJweOpener withFailureListener(OpenFailureListener failureListener) {
        Objects.requireNonNull(failureListener, "failureListener");
        return new SignedJweOpener(decryption.withFailureListener(failureListener), verifiersByKid, onlyVerifier,
                failureListener);
    }

    @Override
    public OpenFailureListener failureListener() {
        return listener;
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
            JWSObject jws;
            try {
                jws = JWSObject.parse(new String(nested, StandardCharsets.US_ASCII));
            } catch (java.text.ParseException e) {
                throw new OpenFailure("the content is not a compact JWS");
            }
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                throw new OpenFailure("the JWS alg is not ES256");
            }
            String kid = jws.getHeader().getKeyID();
            JWSVerifier verifier = kid == null ? onlyVerifier : verifiersByKid.get(kid);
            if (verifier == null) {
                throw new OpenFailure("no trusted signer for the JWS kid");
            }
            try {
                if (!jws.verify(verifier)) {
                    throw new OpenFailure("the signature does not verify");
                }
            } catch (JOSEException e) {
                throw new OpenFailure("the signature does not verify");
            }
            return jws.getPayload().toBytes();
        } catch (Exception e) {
            throw OpenFailure.report(listener, "signed JWE", e);
        } finally {
            Arrays.fill(nested, (byte) 0);
        }
    }
}
