package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens compact JWEs with the private key whose {@code kid} the header names, so keys can rotate: keep the old and
 * the new key in the set until the old one is no longer used.
 *
 * <p>The header is checked before any decryption: exactly the profile's {@code alg} and {@code enc}, no {@code zip},
 * the expected {@code cty}, a known {@code kid}. Every failure throws the same {@link EnvelopeOpenException}.
 * Immutable and thread-safe.
 */
public final class JweOpener implements EnvelopeOpener {
    /** Upper bound on the compact serialization, so that a hostile input cannot make the parser work for long. */
    static final int MAX_COMPACT_LENGTH = 64 * 1024;

    private final JweProfile profile;
    private final Map<String, JWK> keysByKid;

    JweOpener(JweProfile profile, JWKSet privateKeys) {
        this.profile = profile;
        List<JWK> usable = privateKeys.getKeys().stream()
                .filter(key -> key.getKeyID() != null && key.isPrivate() && profile.usable(key))
                .collect(Collectors.toList());
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the key set holds no private key with a kid usable for " + profile);
        }
        this.keysByKid = usable.stream().collect(Collectors.toUnmodifiableMap(JWK::getKeyID, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("duplicate kid '" + a.getKeyID() + "' in the key set");
                }));
    }

    /**
     * Creates an opener for token credentials (ECDH-ES + A256GCM, P-256).
     *
     * @param privateKeys the recipient's private EC P-256 JWKs, each with a {@code kid}
     * @return the opener
     * @throws IllegalArgumentException if no usable key is in the set or two share a kid
     */
    public static JweOpener ecdhEs(JWKSet privateKeys) {
        return new JweOpener(JweProfile.ECDH_ES_A256GCM, privateKeys);
    }

    /**
     * Creates an opener for the PAT real account number (RSA-OAEP-256 + A256GCM).
     *
     * @param privateKeys the recipient's private RSA JWKs, each with a {@code kid}
     * @return the opener
     * @throws IllegalArgumentException if no usable key is in the set or two share a kid
     */
    public static JweOpener rsaOaep256(JWKSet privateKeys) {
        return new JweOpener(JweProfile.RSA_OAEP_256_A256GCM, privateKeys);
    }

    /**
     * Opens a JWE.
     *
     * @param compact the compact JWE
     * @return the plaintext bytes
     * @throws EnvelopeOpenException if the JWE cannot be opened
     */
    @Override
    public byte[] open(String compact) {
        try {
            if (compact == null || compact.length() > MAX_COMPACT_LENGTH) {
                throw new EnvelopeOpenException();
            }
            JWEObject jwe = JWEObject.parse(compact);
            // nimbus would decrypt any algorithm its decrypter supports, and inflate zip without a bound.
            if (!profile.accepts(jwe.getHeader())) {
                throw new EnvelopeOpenException();
            }
            JWK key = keysByKid.get(jwe.getHeader().getKeyID());
            if (key == null) {
                throw new EnvelopeOpenException();
            }
            jwe.decrypt(profile.decrypter(key));
            return jwe.getPayload().toBytes();
        } catch (Exception e) {
            throw new EnvelopeOpenException();
        }
    }
}
