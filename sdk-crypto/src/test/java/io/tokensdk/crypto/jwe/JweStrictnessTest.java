package io.tokensdk.crypto.jwe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.crypto.payload.TokenData;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * What RFC 7516/7518 demand and nimbus does not check, and the tamper sweep: every byte of a JWE flipped, each opened
 * with the typed open, none opening to other plaintext, all failing with the one message.
 */
class JweStrictnessTest {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64URL = Base64.getUrlDecoder();
    private static final ECKey EC = ec();
    private static final RSAKey RSA = rsa();
    private static final TokenData TOKEN = TokenData.of("4895370012345671", "1229");

    @Test
    void ivsOtherThan96BitsAreRefusedThoughNimbusAcceptsThem() throws Exception {
        JweOpener opener = JweOpener.rsaOaep256(new JWKSet(RSA));
        byte[] account = "4111111111111111".getBytes(StandardCharsets.US_ASCII);
        // The hand-made JWE is right: with a 96-bit IV it opens.
        assertEquals(AccountNumber.of("4111111111111111"),
                opener.open(rsaOaep256Jwe(account, 12), AccountNumber.TYPE));
        for (int ivBytes : new int[] {8, 16}) {
            String jwe = rsaOaep256Jwe(account, ivBytes);
            JWEObject nimbus = JWEObject.parse(jwe);
            nimbus.decrypt(new RSADecrypter(RSA));
            assertArrayEquals(account, nimbus.getPayload().toBytes(), "nimbus alone accepts a " + ivBytes * 8 + "-bit IV");
            List<String> reasons = new ArrayList<>();
            assertThrows(EnvelopeOpenException.class,
                    () -> opener.withFailureListener(reasons::add).open(jwe, AccountNumber.TYPE));
            assertEquals(List.of("JWE: the IV is not 96 bits"), reasons);
        }
    }

    @Test
    void tagBytesMovedIntoTheCiphertextAreRefusedThoughNimbusAcceptsThem() throws Exception {
        String jwe = JweSealer.ecdhEs(EC.toPublicJWK()).seal(TOKEN);
        String[] parts = jwe.split("\\.", -1);
        byte[] ciphertext = UNB64URL.decode(parts[3]);
        byte[] tag = UNB64URL.decode(parts[4]);
        for (int moved : new int[] {4, 8}) {
            byte[] longer = Arrays.copyOf(ciphertext, ciphertext.length + moved);
            System.arraycopy(tag, 0, longer, ciphertext.length, moved);
            String shifted = parts[0] + "." + parts[1] + "." + parts[2] + "." + B64URL.encodeToString(longer) + "."
                    + B64URL.encodeToString(Arrays.copyOfRange(tag, moved, tag.length));
            JWEObject nimbus = JWEObject.parse(shifted);
            nimbus.decrypt(new ECDHDecrypter(EC));
            assertArrayEquals(TOKEN.toPlaintext(), nimbus.getPayload().toBytes(), "nimbus alone accepts the moved tag");
            List<String> reasons = new ArrayList<>();
            assertThrows(EnvelopeOpenException.class,
                    () -> JweOpener.ecdhEs(new JWKSet(EC)).withFailureListener(reasons::add).open(shifted, TokenData.TYPE));
            assertEquals(List.of("JWE: the authentication tag is not 128 bits"), reasons);
        }
    }

    @Test
    void everyFlippedByteFailsWithTheOneMessage() {
        String jwe = JweSealer.ecdhEs(EC.toPublicJWK()).seal(TOKEN);
        JweOpener opener = JweOpener.ecdhEs(new JWKSet(EC));
        List<String> reasons = new ArrayList<>();
        JweOpener listened = opener.withFailureListener(reasons::add);
        assertEquals(TOKEN, opener.open(jwe, TokenData.TYPE));
        String[] parts = jwe.split("\\.", -1);
        int flips = 0;
        for (int part = 0; part < parts.length; part++) {
            byte[] bytes = UNB64URL.decode(parts[part]);
            for (int i = 0; i < bytes.length; i++) {
                for (int mask : new int[] {0x01, 0x04}) {
                    byte[] tampered = bytes.clone();
                    tampered[i] ^= (byte) mask;
                    String[] copy = parts.clone();
                    copy[part] = B64URL.encodeToString(tampered);
                    String mutant = String.join(".", copy);
                    EnvelopeOpenException e = assertThrows(EnvelopeOpenException.class,
                            () -> listened.open(mutant, TokenData.TYPE), "part " + part + " byte " + i);
                    assertEquals(EnvelopeOpenException.MESSAGE, e.getMessage());
                    flips++;
                }
            }
        }
        assertEquals(flips, reasons.size());
        for (String reason : reasons) {
            assertFalse(reason.contains(TOKEN.dpan()) || reason.contains("1229"), reason);
        }
    }

    /** RSA-OAEP-256 + A256GCM built by hand with the JDK, with an IV of the given length. */
    private static String rsaOaep256Jwe(byte[] plaintext, int ivBytes) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] cek = new byte[32];
        random.nextBytes(cek);
        byte[] iv = new byte[ivBytes];
        random.nextBytes(iv);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, RSA.toRSAPublicKey(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] encryptedKey = rsa.doFinal(cek);
        String header = B64URL.encodeToString(("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\""
                + RSA.getKeyID() + "\"}").getBytes(StandardCharsets.UTF_8));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = gcm.doFinal(plaintext);
        int split = sealed.length - 16;
        return header + "." + B64URL.encodeToString(encryptedKey) + "." + B64URL.encodeToString(iv) + "."
                + B64URL.encodeToString(Arrays.copyOf(sealed, split)) + "."
                + B64URL.encodeToString(Arrays.copyOfRange(sealed, split, sealed.length));
    }

    private static ECKey ec() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("strict-ec").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyID("strict-rsa").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
