package io.tokensdk.crypto.jwe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.OpenSsl;
import io.tokensdk.crypto.payload.TokenData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ECDH-ES JWE whose key agreement and Concat KDF are made by openssl ({@code pkeyutl -derive} and the SSKDF of
 * NIST SP 800-56C, which is the JWA Concat KDF): the opener's own ECDH and KDF must give the same content key.
 * openssl has no AES-GCM on its command line, so the JDK encrypts with that key.
 */
class JweOpensslInteropTest {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final TokenData TOKEN = TokenData.of("4895370012345671", "1229");

    @TempDir
    Path dir;

    @Test
    void opensAJweWhoseKeyAgreementAndKdfOpensslMade() throws Exception {
        ECKey recipient = new ECKeyGenerator(Curve.P_256).keyID("openssl-recipient").generate();
        Path recipientPem = dir.resolve("recipient.pem");
        Files.writeString(recipientPem, pem("PUBLIC KEY", recipient.toECPublicKey().getEncoded()));
        Path ephemeralPem = dir.resolve("ephemeral.pem");
        OpenSsl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ephemeralPem.toString());
        byte[] spki = OpenSsl.run("pkey", "-in", ephemeralPem.toString(), "-pubout", "-outform", "DER");
        // The SubjectPublicKeyInfo of a P-256 key ends with the uncompressed point 04 || x || y.
        byte[] point = Arrays.copyOfRange(spki, spki.length - 65, spki.length);
        assertEquals(4, point[0]);
        String x = B64URL.encodeToString(Arrays.copyOfRange(point, 1, 33));
        String y = B64URL.encodeToString(Arrays.copyOfRange(point, 33, 65));
        byte[] z = OpenSsl.run("pkeyutl", "-derive", "-inkey", ephemeralPem.toString(), "-peerkey",
                recipientPem.toString());
        byte[] algorithm = "A256GCM".getBytes(StandardCharsets.US_ASCII);
        byte[] otherInfo = ByteBuffer.allocate(4 + algorithm.length + 12).putInt(algorithm.length).put(algorithm)
                .putInt(0).putInt(0).putInt(256).array();
        byte[] contentKey = OpenSsl.run("kdf", "-keylen", "32", "-kdfopt", "digest:SHA256", "-kdfopt",
                "hexkey:" + OpenSsl.hex(z), "-kdfopt", "hexinfo:" + OpenSsl.hex(otherInfo), "-binary", "SSKDF");
        assertEquals(32, contentKey.length);

        String header = B64URL.encodeToString(("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"openssl-recipient\","
                + "\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = gcm.doFinal(TOKEN.toPlaintext());
        int split = sealed.length - 16;
        String compact = header + ".." + B64URL.encodeToString(iv) + "."
                + B64URL.encodeToString(Arrays.copyOf(sealed, split)) + "."
                + B64URL.encodeToString(Arrays.copyOfRange(sealed, split, sealed.length));

        assertEquals(TOKEN, JweOpener.ecdhEs(new JWKSet(recipient)).open(compact, TokenData.TYPE));
        ECKey otherRecipient = new ECKeyGenerator(Curve.P_256).keyID("openssl-recipient").generate();
        assertThrows(EnvelopeOpenException.class, () -> JweOpener.ecdhEs(new JWKSet(otherRecipient)).open(compact));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
