package io.tokensdk.crypto.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.TestPki;
import io.tokensdk.crypto.payload.CardInfo;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class Pkcs1ImplicitRejectionTest {
    private static final byte[] KEY = filled(32, 0x42);
    private static final byte[] REJECTION = filled(32, 0x17);

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** A well-formed 256-byte EM block: 00 02 PS(non-zero) 00 KEY. */
    private static byte[] em() {
        byte[] em = filled(256, 0x5a);
        em[0] = 0;
        em[1] = 2;
        em[256 - 33] = 0;
        System.arraycopy(KEY, 0, em, 256 - 32, 32);
        return em;
    }

    private static byte[] select(Consumer<byte[]> damage) {
        byte[] em = em();
        damage.accept(em);
        return Pkcs1ImplicitRejection.select(em, REJECTION);
    }

    @Test
    void aWellFormedBlockGivesItsKey() {
        assertArrayEquals(KEY, select(em -> { }));
    }

    @Test
    void everyPaddingDefectGivesTheRejectionKeyInstead() {
        assertArrayEquals(REJECTION, select(em -> em[0] = 1));
        assertArrayEquals(REJECTION, select(em -> em[1] = 1));
        assertArrayEquals(REJECTION, select(em -> em[256 - 33] = 7), "no separator before a 32-byte key");
        assertArrayEquals(REJECTION, select(em -> em[2] = 0), "zero inside the padding string: key would be longer");
        assertArrayEquals(REJECTION, select(em -> em[256 - 34] = 0), "zero right before the separator");
    }

    @Test
    void aPkcs1EnvelopeWithATamperedKeyFailsLikeEveryOtherFailure() throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        String sealed = CmsEnvelopeSealer.forRecipient(tsp.certificate(), CmsKeyTransport.RSA_PKCS1_V1_5)
                .seal(CardInfo.builder().fpan("5204731234564790").build());
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        assertEquals("5204731234564790", opener.open(sealed, CardInfo.TYPE).fpan());

        // A validly padded block around a 16-byte key (wrong length for AES-256): rejected without a padding error.
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, (RSAPublicKey) tsp.certificate().getPublicKey());
        byte[] shortKeyBlock = rsa.doFinal(new byte[16]);
        Pkcs1ImplicitRejection rejection = new Pkcs1ImplicitRejection(tsp.keyPair().getPrivate(), REJECTION);
        byte[] first = rejection.unwrap(shortKeyBlock);
        assertArrayEquals(first, rejection.unwrap(shortKeyBlock), "the same ciphertext is rejected the same way");

        byte[] der = java.util.Base64.getDecoder().decode(sealed);
        der[300] ^= 0x01; // inside the RSA-encrypted content key
        String tampered = java.util.Base64.getEncoder().encodeToString(der);
        EnvelopeOpenException failure = assertThrows(EnvelopeOpenException.class,
                () -> opener.open(tampered, CardInfo.TYPE));
        assertEquals("envelope could not be opened", failure.getMessage());
    }
}
