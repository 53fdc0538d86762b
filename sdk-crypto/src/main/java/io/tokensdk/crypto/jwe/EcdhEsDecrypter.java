package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import io.tokensdk.crypto.internal.OpenFailure;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDH-ES (direct key agreement) + A256GCM decryption of one recipient key (RFC 7518, sections 4.6 and 5.3), made
 * directly on the primitives of the floor: ECDH on BouncyCastle's P-256 arithmetic with the private scalar read once,
 * the JWA Concat KDF on SHA-256, AES-GCM on the JDK. The header has been read by {@link EcdhEsHeaderReader} and
 * accepted by {@link JweProfile}, the parts checked by {@link CompactJwe}. The ephemeral key's coordinates are built
 * into a point of P-256 here, and refused unless it is on the curve and not the point at infinity (invalid-curve
 * attacks). Immutable and thread-safe.
 */
final class EcdhEsDecrypter implements JweDecryption {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("P-256");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256);
    private static final int KEY_BITS = 256;
    private static final int FIELD_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final byte[] ROUND_ONE = {0, 0, 0, 1};
    private static final byte[] ALGORITHM_ID = JweProfile.ENC.getName().getBytes(StandardCharsets.US_ASCII);
    /** The KDF's OtherInfo when the header has neither apu nor apv, as the spec's senders write it. */
    private static final byte[] OTHER_INFO_WITHOUT_PARTIES = otherInfo(new byte[0], new byte[0]);

    private final ECPrivateKeyParameters privateKey;

    private EcdhEsDecrypter(ECPrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    /**
     * The decrypter of a private P-256 JWK.
     *
     * @throws JOSEException if the key's private scalar cannot be read (a key held in a token) or is out of range
     */
    static EcdhEsDecrypter of(JWK key) throws JOSEException {
        ECKey ec = (ECKey) key;
        BigInteger d;
        if (ec.getD() != null) {
            d = ec.getD().decodeToBigInteger();
        } else if (ec.toPrivateKey() instanceof java.security.interfaces.ECPrivateKey readable) {
            d = readable.getS();
        } else {
            throw new JOSEException("the private EC key cannot be read");
        }
        try {
            return new EcdhEsDecrypter(new ECPrivateKeyParameters(d, DOMAIN));
        } catch (IllegalArgumentException e) {
            throw new JOSEException("the private EC key is not a P-256 scalar");
        }
    }

    @Override
    public byte[] decrypt(JweHeader header, CompactJwe jwe) {
        ECPublicKeyParameters ephemeral = ephemeralKey(header);
        byte[] shared = null;
        byte[] contentKey = null;
        try {
            shared = agree(ephemeral);
            contentKey = concatKdf(shared, header);
            Cipher gcm = Cipher.getInstance(AES_GCM);
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, jwe.decode(CompactJwe.IV)));
            // The AAD is the protected header exactly as sent (RFC 7516, section 5.2, step 14).
            gcm.updateAAD(jwe.ascii(), jwe.start(CompactJwe.HEADER), jwe.length(CompactJwe.HEADER));
            return gcm.doFinal(jwe.decodeCiphertextAndTag());
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new OpenFailure("decryption failed (key agreement, key unwrap or tag)");
        } finally {
            wipe(shared);
            wipe(contentKey);
        }
    }

    /** The header's point, once it is on P-256 and not at infinity. */
    private static ECPublicKeyParameters ephemeralKey(JweHeader header) {
        try {
            ECPoint point = DOMAIN.getCurve().createPoint(BigIntegers.fromUnsignedByteArray(header.epkX()),
                    BigIntegers.fromUnsignedByteArray(header.epkY()));
            return new ECPublicKeyParameters(point, DOMAIN);
        } catch (IllegalArgumentException e) {
            // A coordinate not below the field prime, or a point off the curve.
            throw new OpenFailure("the ephemeral key is not a point of P-256");
        }
    }

    /** Z: the x coordinate of the shared point, 32 bytes. */
    private byte[] agree(ECPublicKeyParameters ephemeral) {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(privateKey);
        return BigIntegers.asUnsignedByteArray(FIELD_BYTES, agreement.calculateAgreement(ephemeral));
    }

    /** The JWA Concat KDF (RFC 7518, section 4.6.2) for direct agreement: AlgorithmID is the enc, 256 bits, one round. */
    private static byte[] concatKdf(byte[] shared, JweHeader header) {
        byte[] otherInfo = header.partyUInfo().length == 0 && header.partyVInfo().length == 0
                ? OTHER_INFO_WITHOUT_PARTIES
                : otherInfo(header.partyUInfo(), header.partyVInfo());
        SHA256Digest sha256 = new SHA256Digest();
        sha256.update(ROUND_ONE, 0, ROUND_ONE.length);
        sha256.update(shared, 0, shared.length);
        sha256.update(otherInfo, 0, otherInfo.length);
        byte[] key = new byte[sha256.getDigestSize()];
        sha256.doFinal(key, 0);
        return key;
    }

    private static byte[] otherInfo(byte[] partyU, byte[] partyV) {
        return ByteBuffer.allocate(4 + ALGORITHM_ID.length + 4 + partyU.length + 4 + partyV.length + 4)
                .putInt(ALGORITHM_ID.length).put(ALGORITHM_ID)
                .putInt(partyU.length).put(partyU)
                .putInt(partyV.length).put(partyV)
                .putInt(KEY_BITS)
                .array();
    }

    private static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
