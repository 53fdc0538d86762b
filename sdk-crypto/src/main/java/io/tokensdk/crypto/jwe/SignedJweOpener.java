package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.OpenFailureListener;
import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.internal.OpenFailure;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
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
 * {@link OpenFailureListener}. The JWS is verified directly with BouncyCastle's ES256 (SunEC is several times slower on
 * JDK 17), each trusted key converted to BouncyCastle's key class once; its payload is decoded once. Immutable and
 * thread-safe.
 */
public final class SignedJweOpener implements EnvelopeOpener {
    private final JweOpener decryption;
    private final Map<String, PublicKey> signersByKid;
    private final PublicKey onlySigner;
    private final OpenFailureListener listener;

    private SignedJweOpener(JweOpener decryption, Map<String, PublicKey> signersByKid, PublicKey onlySigner,
            OpenFailureListener listener) {
        this.decryption = decryption;
        this.signersByKid = signersByKid;
        this.onlySigner = onlySigner;
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
        Map<String, PublicKey> byKid = new HashMap<>();
        PublicKey only = null;
        for (ECKey signer : signers) {
            PublicKey key = bouncyCastleKey(signer);
            if (signer.getKeyID() != null && byKid.put(signer.getKeyID(), key) != null) {
                throw new IllegalArgumentException("duplicate kid '" + signer.getKeyID() + "' in the trusted signers");
            }
            only = key;
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
        return new SignedJweOpener(decryption.withFailureListener(failureListener), signersByKid, onlySigner,
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
            CompactJws jws = CompactJws.parse(new String(nested, StandardCharsets.US_ASCII));
            if (!JWSAlgorithm.ES256.equals(jws.header().getAlgorithm())) {
                throw new OpenFailure("the JWS alg is not ES256");
            }
            String kid = jws.header().getKeyID();
            PublicKey signer = kid == null ? onlySigner : signersByKid.get(kid);
            if (signer == null) {
                throw new OpenFailure("no trusted signer for the JWS kid");
            }
            return jws.verifiedPayload(signer);
        } catch (Exception e) {
            throw OpenFailure.report(listener, "signed JWE", e);
        } finally {
            Arrays.fill(nested, (byte) 0);
        }
    }

    /** The signer's public key in BouncyCastle's own class, so that no verify converts it. */
    private static PublicKey bouncyCastleKey(ECKey signer) {
        try {
            return KeyFactory.getInstance("EC", Bc.provider())
                    .generatePublic(new X509EncodedKeySpec(signer.toECPublicKey().getEncoded()));
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the signer key '" + signer.getKeyID() + "' cannot verify ES256");
        }
    }
}
