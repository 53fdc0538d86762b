package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.OpenFailureListener;
import io.tokensdk.crypto.internal.OpenFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Opens compact JWEs with the private key whose {@code kid} the header names, so keys can rotate: keep the old and
 * the new key in the set until the old one is no longer used.
 *
 * <p>Before any key is used: five parts, a 96-bit IV and a 128-bit tag in canonical unpadded base64url (every part of
 * an ECDH-ES JWE is), no encrypted key for ECDH-ES (direct key agreement), then the header: exactly the profile's {@code alg} and {@code enc}, no
 * {@code zip}, the expected {@code cty}, a known {@code kid}. An ECDH-ES header is read by a strict parser of its own,
 * which accepts only {@code alg}, {@code enc}, {@code kid}, {@code cty}, {@code typ}, {@code apu}, {@code apv} and a
 * P-256 {@code epk} of {@code kty}, {@code crv}, {@code x} and {@code y}, each once (so no {@code crit}), and whose
 * ephemeral point must be on the curve; it is then decrypted directly (ECDH on BouncyCastle, AES-GCM on the JDK). An
 * RSA-OAEP-256 header is parsed by nimbus, which also decrypts. Every failure throws the same
 * {@link EnvelopeOpenException}; the reason goes to the {@link OpenFailureListener}. One decrypter is built per key,
 * once. Immutable and thread-safe.
 */
public final class JweOpener implements EnvelopeOpener {
    /** Upper bound on the compact serialization, so that a hostile input cannot make the parser work for long. */
    static final int MAX_COMPACT_LENGTH = 64 * 1024;

    private final JweProfile profile;
    private final Map<String, JweDecryption> decryptersByKid;
    private final OpenFailureListener listener;

    JweOpener(JweProfile profile, JWKSet privateKeys) {
        this(profile, decrypters(profile, privateKeys), OpenFailureListener.NONE);
    }

    private JweOpener(JweProfile profile, Map<String, JweDecryption> decryptersByKid, OpenFailureListener listener) {
        this.profile = profile;
        this.decryptersByKid = decryptersByKid;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    private static Map<String, JweDecryption> decrypters(JweProfile profile, JWKSet privateKeys) {
        Objects.requireNonNull(privateKeys, "privateKeys");
        List<JWK> usable = privateKeys.getKeys().stream()
                .filter(key -> key.getKeyID() != null && key.isPrivate() && profile.usable(key))
                .collect(Collectors.toList());
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("the key set holds no private key with a kid usable for " + profile);
        }
        Map<String, JweDecryption> decrypters = new HashMap<>();
        for (JWK key : usable) {
            if (decrypters.containsKey(key.getKeyID())) {
                throw new IllegalArgumentException("duplicate kid '" + key.getKeyID() + "' in the key set");
            }
            try {
                decrypters.put(key.getKeyID(), profile.decrypter(key));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("the key '" + key.getKeyID() + "' cannot decrypt " + profile);
            }
        }
        return Map.copyOf(decrypters);
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
     * Returns an opener that reports the reason of each failure to the listener.
     *
     * @param failureListener receives the reasons; never given plaintext or key material
     * @return a new opener with the same keys
     */
    public JweOpener withFailureListener(OpenFailureListener failureListener) {
        return new JweOpener(profile, decryptersByKid, Objects.requireNonNull(failureListener, "failureListener"));
    }

    @Override
    public OpenFailureListener failureListener() {
        return listener;
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
            CompactJwe jwe = CompactJwe.requireStrictParts(compact, MAX_COMPACT_LENGTH, profile.isEc());
            // nimbus would decrypt any algorithm its decrypter supports, and inflate zip without a bound.
            JweHeader header = profile.readHeader(jwe);
            JweDecryption decryption = decryptersByKid.get(header.kid());
            if (decryption == null) {
                throw new OpenFailure("no key with the header's kid");
            }
            return decryption.decrypt(header, jwe);
        } catch (Exception e) {
            throw OpenFailure.report(listener, "JWE", e);
        }
    }
}
