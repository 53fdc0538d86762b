package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.internal.OpenFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDH-ES (direct key agreement) + A256GCM decryption of one recipient key (RFC 7518, sections 4.6 and 5.3), made
 * directly on the providers of the floor: ECDH on BouncyCastle with the private key converted to BouncyCastle's class
 * once, the JWA Concat KDF on SHA-256, AES-GCM on the JDK. The header has been checked by {@link JweProfile} and the
 * parts by {@link CompactJwe} before. The ephemeral key must be a P-256 point: nimbus checks it is on the curve when it
 * parses the header, BouncyCastle again when it builds the point and before it multiplies. Immutable and thread-safe.
 */
final class EcdhEsDecrypter implements JweDecryption {
    private static final ECNamedCurveParameterSpec P256 = ECNamedCurveTable.getParameterSpec("P-256");
    private static final int KEY_BITS = 256;
    private static final int FIELD_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final String AES_GCM = "AES/GCM/NoPadding";

    private final PrivateKey privateKey;

    private EcdhEsDecrypter(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** The decrypter of a private P-256 JWK; a key that cannot be exported is given to BouncyCastle as it is. */
    static EcdhEsDecrypter of(JWK key) throws JOSEException {
        PrivateKey original = ((ECKey) key).toPrivateKey();
        PrivateKey converted = original;
        if (original.getEncoded() != null) {
            try {
                converted = KeyFactory.getInstance("EC", Bc.provider())
                        .generatePrivate(new PKCS8EncodedKeySpec(original.getEncoded()));
            } catch (GeneralSecurityException e) {
                converted = original;
            }
        }
        return new EcdhEsDecrypter(converted);
    }

    @Override
    public byte[] decrypt(JWEHeader header, String[] parts) {
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new OpenFailure("the JWE has critical header parameters");
        }
        if (!(header.getEphemeralPublicKey() instanceof ECKey epk) || !Curve.P_256.equals(epk.getCurve())) {
            throw new OpenFailure("the ephemeral key is not an EC P-256 key");
        }
        byte[] shared = null;
        byte[] contentKey = null;
        try {
            shared = agree(epk);
            contentKey = concatKdf(shared, header);
            Cipher gcm = Cipher.getInstance(AES_GCM);
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, decode(parts[2])));
            gcm.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
            byte[] ciphertext = decode(parts[3]);
            byte[] tag = decode(parts[4]);
            byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
            System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
            return gcm.doFinal(sealed);
        } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new OpenFailure("decryption failed (key agreement, key unwrap or tag)");
        } finally {
            wipe(shared);
            wipe(contentKey);
        }
    }

    /** Z: the x coordinate of the shared point, 32 bytes. */
    private byte[] agree(ECKey epk) throws GeneralSecurityException {
        ECPoint point = P256.getCurve().validatePoint(epk.getX().decodeToBigInteger(), epk.getY().decodeToBigInteger());
        PublicKey ephemeral = KeyFactory.getInstance("EC", Bc.provider())
                .generatePublic(new ECPublicKeySpec(point, P256));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", Bc.provider());
        agreement.init(privateKey);
        agreement.doPhase(ephemeral, true);
        byte[] secret = agreement.generateSecret();
        if (secret.length == FIELD_BYTES) {
            return secret;
        }
        byte[] fixed = BigIntegers.asUnsignedByteArray(FIELD_BYTES, BigIntegers.fromUnsignedByteArray(secret));
        wipe(secret);
        return fixed;
    }

    /** The JWA Concat KDF (RFC 7518, section 4.6.2) for direct agreement: AlgorithmID is the enc, 256 bits, one round. */
    private static byte[] concatKdf(byte[] shared, JWEHeader header) throws GeneralSecurityException {
        byte[] algorithm = header.getEncryptionMethod().getName().getBytes(StandardCharsets.US_ASCII);
        byte[] partyU = bytesOf(header.getAgreementPartyUInfo());
        byte[] partyV = bytesOf(header.getAgreementPartyVInfo());
        ByteBuffer otherInfo = ByteBuffer.allocate(4 + algorithm.length + 4 + partyU.length + 4 + partyV.length + 4)
                .putInt(algorithm.length).put(algorithm)
                .putInt(partyU.length).put(partyU)
                .putInt(partyV.length).put(partyV)
                .putInt(KEY_BITS);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(shared);
        sha256.update(otherInfo.array());
        return sha256.digest();
    }

    private static byte[] bytesOf(Base64URL value) {
        return value == null ? new byte[0] : value.decode();
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
