package io.tokensdk.crypto.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeSealException;
import io.tokensdk.crypto.OpenSsl;
import io.tokensdk.crypto.TestPki;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.FundingPanInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.TokenPanInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CmsEnvelopeTest {
    private static final CardInfo CARD = CardInfo.builder().fpan("5204731234564790").exp("1228").cvv("123")
            .additionalCardInfos(JsonParser.parseString("{\"brand\":\"MC\",\"n\":[1,2]}")).build();

    @TempDir
    Path dir;

    static List<Arguments> options() {
        List<Arguments> options = new ArrayList<>();
        for (int bits : new int[] {2048, 4096}) {
            for (CmsKeyTransport transport : CmsKeyTransport.values()) {
                options.add(Arguments.of(bits, transport));
            }
        }
        return options;
    }

    @ParameterizedTest
    @MethodSource("options")
    void roundTripsEveryPayload(int bits, CmsKeyTransport transport) {
        TestPki.RsaIdentity tsp = TestPki.rsa(bits);
        CmsEnvelopeSealer sealer = CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport);
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());

        assertEquals(CARD, opener.open(sealer.seal(CARD), CardInfo.TYPE));
        NewCardInfo update = NewCardInfo.builder().newExp("0130").build();
        assertEquals(update, opener.open(sealer.seal(update), NewCardInfo.TYPE));
        FundingPanInfo fpan = FundingPanInfo.of("4111111111111111");
        assertEquals(fpan, opener.open(sealer.seal(fpan), FundingPanInfo.TYPE));
        TokenPanInfo dpan = TokenPanInfo.of("9580981500100003");
        assertEquals(dpan, opener.open(sealer.seal(dpan), TokenPanInfo.TYPE));
    }

    @ParameterizedTest
    @MethodSource("options")
    void emitsDerWithTheChosenAlgorithms(int bits, CmsKeyTransport transport) throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(bits);
        byte[] der = Base64.getDecoder().decode(
                CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport).seal(CARD));
        assertArrayEquals(der, ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DER), "not DER");
        CMSEnvelopedData enveloped = new CMSEnvelopedData(der);
        assertEquals("2.16.840.1.101.3.4.1.42", enveloped.getEncryptionAlgOID());
        assertEquals(transport, CmsKeyTransport.of(
                enveloped.getRecipientInfos().getRecipients().iterator().next().getKeyEncryptionAlgorithm()));
    }

    @ParameterizedTest
    @MethodSource("options")
    void opensWhatOpensslSeals(int bits, CmsKeyTransport transport) throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(bits);
        byte[] der = opensslSeal(tsp, transport, "-binary");
        String sealed = Base64.getEncoder().encodeToString(der);

        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        assertEquals(CARD, opener.open(sealed, CardInfo.TYPE));
        CmsKeyTransport other = transport == CmsKeyTransport.RSA_OAEP_SHA256
                ? CmsKeyTransport.RSA_PKCS1_V1_5 : CmsKeyTransport.RSA_OAEP_SHA256;
        assertThrows(EnvelopeOpenException.class, () -> opener.allowing(other).open(sealed));
    }

    /** The card sealed by {@code openssl cms -encrypt} for {@code tsp} with {@code transport}, as DER or BER. */
    private byte[] opensslSeal(TestPki.RsaIdentity tsp, CmsKeyTransport transport, String... flags) throws Exception {
        Path[] pem = tsp.writePem(dir, "tsp");
        Path in = Files.write(dir.resolve("card.json"), CARD.toPlaintext());
        List<String> args = new ArrayList<>(List.of("cms", "-encrypt"));
        args.addAll(List.of(flags));
        args.addAll(List.of("-aes-256-cbc", "-in", in.toString(), "-outform", "DER", "-recip", pem[0].toString()));
        if (transport == CmsKeyTransport.RSA_OAEP_SHA256) {
            args.addAll(List.of("-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256",
                    "-keyopt", "rsa_mgf1_md:sha256"));
        }
        return OpenSsl.run(args.toArray(String[]::new));
    }

    /** openssl's streaming output is BER: indefinite lengths and the content in a constructed OCTET STRING. */
    @ParameterizedTest
    @MethodSource("options")
    void opensTheBerThatOpensslStreams(int bits, CmsKeyTransport transport) throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(bits);
        byte[] ber = opensslSeal(tsp, transport, "-stream", "-binary");
        assertEquals(0x80, ber[1] & 0xff, "indefinite length");

        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        assertEquals(CARD, opener.open(Base64.getEncoder().encodeToString(ber), CardInfo.TYPE));
    }

    @ParameterizedTest
    @MethodSource("options")
    void opensslOpensWhatJavaSeals(int bits, CmsKeyTransport transport) throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(bits);
        Path[] pem = tsp.writePem(dir, "tsp");
        String sealed = CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport).seal(CARD);
        Path in = Files.write(dir.resolve("sealed.der"), Base64.getDecoder().decode(sealed));
        byte[] plaintext = OpenSsl.run("cms", "-decrypt", "-binary", "-inform", "DER", "-in", in.toString(),
                "-recip", pem[0].toString(), "-inkey", pem[1].toString());
        assertArrayEquals(CARD.toPlaintext(), plaintext);
        assertEquals("5204731234564790",
                JsonParser.parseString(new String(plaintext, StandardCharsets.UTF_8)).getAsJsonObject()
                        .get("fpan").getAsString());
    }

    @ParameterizedTest
    @MethodSource("options")
    void aSealerWithItsOwnRandomSourceDrawsEverythingFromIt(int bits, CmsKeyTransport transport) throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(bits);
        CmsEnvelopeSealer sealer = CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport);
        String first = sealer.withSecureRandom(new PatternRandom()).seal(CARD);
        assertEquals(first, sealer.withSecureRandom(new PatternRandom()).seal(CARD), "the same source, the same seal");
        byte[] drawnFirst = new byte[48];
        new PatternRandom().nextBytes(drawnFirst);
        CMSEnvelopedData enveloped = new CMSEnvelopedData(Base64.getDecoder().decode(first));
        assertArrayEquals(Arrays.copyOfRange(drawnFirst, 32, 48),
                ASN1OctetString.getInstance(enveloped.getContentEncryptionAlgorithm().getParameters()).getOctets(),
                "the IV follows the 32-byte content key in the source's first draw");
        assertEquals(CARD, CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate())
                .open(first, CardInfo.TYPE));
        assertTrue(!sealer.seal(CARD).equals(sealer.seal(CARD)), "the default source never repeats");
        assertEquals("random", assertThrows(NullPointerException.class, () -> sealer.withSecureRandom(null))
                .getMessage());
    }

    /** A predictable source: 1, 8, 15, ... (mod 256), from its first byte. */
    private static final class PatternRandom extends java.security.SecureRandom {
        private static final long serialVersionUID = 1L;
        private int next;

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (next++ * 7 + 1);
            }
        }
    }

    @Test
    void opensBase64WrappedInLinesButNothingElseAroundIt() {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        String sealed = CmsEnvelopeSealer.forRecipient(tsp.certificate(), CmsKeyTransport.RSA_OAEP_SHA256).seal(CARD);
        String mime = Base64.getMimeEncoder().encodeToString(Base64.getDecoder().decode(sealed));
        assertTrue(mime.contains("\r\n"));
        for (String wrapped : List.of(mime, mime.replace("\r\n", "\n"), " \t" + sealed + "\n")) {
            assertEquals(CARD, opener.open(wrapped, CardInfo.TYPE));
        }
        for (String mangled : List.of(sealed.substring(0, 40) + "*" + sealed.substring(40), sealed + "=")) {
            assertThrows(EnvelopeOpenException.class, () -> opener.open(mangled));
        }
    }

    @Test
    void everyFailureLooksTheSame() {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        TestPki.RsaIdentity other = TestPki.rsa(2048, "other");
        CmsEnvelopeOpener wrongKey = CmsEnvelopeOpener.forRecipient(other.keyPair().getPrivate(), other.certificate())
                .tryingEveryRecipient();
        List<EnvelopeOpenException> failures = new ArrayList<>();
        for (CmsKeyTransport transport : CmsKeyTransport.values()) {
            String sealed = CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport).seal(CARD);
            byte[] der = Base64.getDecoder().decode(sealed);
            // Typed, as a TSP opens it: should a wrong key ever get past the RSA padding, the garbled plaintext fails too.
            failures.add(assertThrows(EnvelopeOpenException.class, () -> wrongKey.open(sealed, CardInfo.TYPE)));
            // Last byte of the next-to-last block: flips one bit of the last padding byte, which always breaks the CBC
            // padding (flipping the last block itself would randomize it, and pass the padding check 1 time in 256).
            failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(flip(der, der.length - 17))));
            // Inside the encrypted key: breaks the PKCS#1 / OAEP padding.
            // (typed: PKCS#1 v1.5 rejects implicitly, so the failure shows once the plaintext is read)
            failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(flip(der, 300), CardInfo.TYPE)));
            failures.add(assertThrows(EnvelopeOpenException.class,
                    () -> opener.open(sealed.substring(0, sealed.length() / 2))));
            // Third-to-last ciphertext block: the padding survives, the plaintext is garbled (CBC has no MAC).
            failures.add(assertThrows(EnvelopeOpenException.class,
                    () -> opener.open(flip(der, der.length - 40), CardInfo.TYPE)));
        }
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open("not base64!")));
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open("A".repeat(8200))));
        for (EnvelopeOpenException failure : failures) {
            assertEquals(EnvelopeOpenException.class, failure.getClass());
            assertEquals("envelope could not be opened", failure.getMessage());
            assertEquals(null, failure.getCause());
            assertEquals(0, failure.getSuppressed().length);
        }
    }

    @Test
    void refusesOversizeSealedValue() {
        JsonObject big = new JsonObject();
        big.addProperty("blob", "x".repeat(7000));
        CardInfo card = CardInfo.builder().fpan("5204731234564790").additionalCardInfos(big).build();
        EnvelopeSealException e = assertThrows(EnvelopeSealException.class, () -> CmsEnvelopeSealer
                .forRecipient(TestPki.rsa(2048).certificate(), CmsKeyTransport.RSA_OAEP_SHA256).seal(card));
        assertTrue(e.getMessage().contains("maxLength of 8196"), e.getMessage());
        assertTrue(!e.getMessage().contains("5204731234564790"));
    }

    @Test
    void refusesOtherRsaSizes() {
        assertThrows(IllegalArgumentException.class, () -> CmsEnvelopeSealer
                .forRecipient(TestPki.rsa(3072).certificate(), CmsKeyTransport.RSA_OAEP_SHA256));
    }

    private static String flip(byte[] der, int index) {
        byte[] copy = der.clone();
        copy[index] ^= 0x01;
        return Base64.getEncoder().encodeToString(copy);
    }
}
