package io.tokensdk.crypto.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.TestPki;
import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.payload.CardInfo;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.junit.jupiter.api.Test;

/**
 * What CBC without a MAC cannot detect, caught by the typed open; recipient matching; content types; the sealer's
 * certificate policy.
 */
class CmsHardeningTest {
    private static final CardInfo CARD = CardInfo.builder().fpan("5204731234564790").exp("1228").cvv("123").build();
    private static final long DAY = 86_400_000L;

    @Test
    void everyFlippedByteOfTheEnvelopeFailsTheTypedOpenWithTheOneMessage() {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        for (CmsKeyTransport transport : CmsKeyTransport.values()) {
            List<String> reasons = new ArrayList<>();
            CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate())
                    .withFailureListener(reasons::add);
            byte[] der = Base64.getDecoder().decode(
                    CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport).seal(CARD));
            int accepted = 0;
            int refused = 0;
            for (int i = 0; i < der.length; i++) {
                for (int mask : new int[] {0x01, 0x04}) {
                    byte[] tampered = der.clone();
                    tampered[i] ^= (byte) mask;
                    try {
                        // a flip that does not touch the plaintext (an unused version bit, say) may open, to the same card
                        assertEquals(CARD, opener.open(Base64.getEncoder().encodeToString(tampered), CardInfo.TYPE),
                                transport + " byte " + i);
                        accepted++;
                    } catch (EnvelopeOpenException e) {
                        assertEquals(EnvelopeOpenException.MESSAGE, e.getMessage());
                        refused++;
                    }
                }
            }
            assertEquals(refused, reasons.size());
            assertTrue(refused > 2 * der.length - 10, transport + ": only " + refused + " of " + 2 * der.length
                    + " mutants refused, " + accepted + " opened to the same card");
            for (String reason : reasons) {
                for (String secret : List.of("5204731234564790", "520473", "1228", "123\"")) {
                    assertFalse(reason.contains(secret), reason);
                }
            }
        }
    }

    @Test
    void twoRecipientPkcs1EnvelopesAlwaysOpenCorrectly() throws Exception {
        TestPki.RsaIdentity first = TestPki.rsa(2048, "first recipient");
        TestPki.RsaIdentity second = TestPki.rsa(2048, "second recipient");
        CmsEnvelopeOpener firstOpener = CmsEnvelopeOpener.forRecipient(first.keyPair().getPrivate(), first.certificate());
        CmsEnvelopeOpener secondOpener =
                CmsEnvelopeOpener.forRecipient(second.keyPair().getPrivate(), second.certificate());
        JceKeyTransRecipientInfoGenerator toFirst =
                new JceKeyTransRecipientInfoGenerator(first.certificate()).setProvider(Bc.provider());
        JceKeyTransRecipientInfoGenerator toSecond =
                new JceKeyTransRecipientInfoGenerator(second.certificate()).setProvider(Bc.provider());
        long start = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            CardInfo card = CardInfo.builder().fpan(io.tokensdk.crypto.TestPans.withCheckDigit(
                    "411111" + String.format("%09d", i))).exp("1228").build();
            String sealed = seal(card.toPlaintext(), toFirst, toSecond);
            // The second recipient is the one that, tried with every RecipientInfo, used to get wrong plaintext.
            assertEquals(card, secondOpener.open(sealed, CardInfo.TYPE), "envelope " + i);
            if (i % 20 == 0) {
                assertEquals(card, firstOpener.open(sealed, CardInfo.TYPE), "envelope " + i);
            }
        }
        System.out.printf("2000 two-recipient PKCS#1 envelopes sealed and opened in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void theRecipientIsTheOneNamingTheCertificateBySerialOrKeyIdentifier() throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        KeyPair keys = tsp.keyPair();
        X509Certificate withSki = TestPki.certificate(keys, "ski", new Date(System.currentTimeMillis() - DAY),
                new Date(System.currentTimeMillis() + DAY), new KeyUsage(KeyUsage.keyEncipherment));
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(keys.getPrivate(), withSki);
        byte[] ski = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()).getKeyIdentifier();
        String bySki = seal(CARD.toPlaintext(), new JceKeyTransRecipientInfoGenerator(ski, keys.getPublic()));
        assertEquals(CARD, opener.open(bySki, CardInfo.TYPE));

        // Encrypted to this key, but naming another certificate: refused unless the caller asks for every recipient.
        X509Certificate other = TestPki.rsa(2048, "other").certificate();
        byte[] otherSki = new JcaX509ExtensionUtils().createSubjectKeyIdentifier(other.getPublicKey()).getKeyIdentifier();
        String misnamed = seal(CARD.toPlaintext(), new JceKeyTransRecipientInfoGenerator(otherSki, keys.getPublic()));
        List<String> reasons = new ArrayList<>();
        assertThrows(EnvelopeOpenException.class,
                () -> opener.withFailureListener(reasons::add).open(misnamed, CardInfo.TYPE));
        assertEquals(List.of("CMS: no RecipientInfo names the configured certificate"), reasons);
        assertEquals(CARD, opener.tryingEveryRecipient().open(misnamed, CardInfo.TYPE));
        assertThrows(IllegalArgumentException.class,
                () -> CmsEnvelopeOpener.forRecipient(keys.getPrivate(), other), "a key that is not the certificate's");
    }

    @Test
    void contentTypesAreChecked() throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        byte[] der = Base64.getDecoder().decode(
                CmsEnvelopeSealer.forRecipient(tsp.certificate(), CmsKeyTransport.RSA_OAEP_SHA256).seal(CARD));
        ContentInfo info = ContentInfo.getInstance(der);
        EnvelopedData data = EnvelopedData.getInstance(info.getContent());
        EncryptedContentInfo content = data.getEncryptedContentInfo();
        EnvelopedData signedDataInside = new EnvelopedData(data.getOriginatorInfo(), data.getRecipientInfos(),
                new EncryptedContentInfo(CMSObjectIdentifiers.signedData, content.getContentEncryptionAlgorithm(),
                        content.getEncryptedContent()), data.getUnprotectedAttrs());
        byte[] innerType = new ContentInfo(CMSObjectIdentifiers.envelopedData, signedDataInside).getEncoded(ASN1Encoding.DER);
        // BouncyCastle alone opens it: the check is the opener's.
        RecipientInformation recipient = new CMSEnvelopedData(innerType).getRecipientInfos().getRecipients().iterator().next();
        assertEquals(new String(CARD.toPlaintext()), new String(recipient.getContent(
                new JceKeyTransEnvelopedRecipient(tsp.keyPair().getPrivate()).setProvider(Bc.provider()))));
        byte[] outerType = new ContentInfo(new ASN1ObjectIdentifier("1.2.840.113549.1.7.1"), data)
                .getEncoded(ASN1Encoding.DER);
        for (byte[] mutant : List.of(innerType, outerType)) {
            List<String> reasons = new ArrayList<>();
            assertThrows(EnvelopeOpenException.class, () -> opener.withFailureListener(reasons::add)
                    .open(Base64.getEncoder().encodeToString(mutant), CardInfo.TYPE));
            assertEquals(1, reasons.size());
            assertTrue(reasons.get(0).contains("content type"), reasons.get(0));
        }
    }

    @Test
    void contentEncryptionParametersOtherThanA128BitIvFailAsEveryDecryptionFailure() throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        for (CmsKeyTransport transport : CmsKeyTransport.values()) {
            byte[] der = Base64.getDecoder().decode(CmsEnvelopeSealer.forRecipient(tsp.certificate(), transport)
                    .seal(CARD));
            EnvelopedData data = EnvelopedData.getInstance(ContentInfo.getInstance(der).getContent());
            EncryptedContentInfo content = data.getEncryptedContentInfo();
            byte[] iv = ASN1OctetString.getInstance(content.getContentEncryptionAlgorithm().getParameters()).getOctets();
            assertEquals(CARD, opener.open(withContentParameters(data, new DEROctetString(iv)), CardInfo.TYPE));
            for (ASN1Encodable parameters : new ASN1Encodable[] {
                    null, DERNull.INSTANCE, new DEROctetString(Arrays.copyOf(iv, 8)),
                    new DEROctetString(Arrays.copyOf(iv, 17)), new ASN1Integer(1)}) {
                List<String> reasons = new ArrayList<>();
                assertThrows(EnvelopeOpenException.class, () -> opener.withFailureListener(reasons::add)
                        .open(withContentParameters(data, parameters), CardInfo.TYPE));
                assertEquals(List.of("CMS: decryption failed (key transport or content padding)"), reasons);
            }
        }
    }

    private static String withContentParameters(EnvelopedData data, ASN1Encodable parameters) throws Exception {
        EncryptedContentInfo content = data.getEncryptedContentInfo();
        EnvelopedData mutant = new EnvelopedData(data.getOriginatorInfo(), data.getRecipientInfos(),
                new EncryptedContentInfo(content.getContentType(),
                        new AlgorithmIdentifier(CMSAlgorithm.AES256_CBC, parameters), content.getEncryptedContent()),
                data.getUnprotectedAttrs());
        return Base64.getEncoder().encodeToString(
                new ContentInfo(CMSObjectIdentifiers.envelopedData, mutant).getEncoded(ASN1Encoding.DER));
    }

    @Test
    void sealingRefusesCertificatesOutsideTheirValidityOrNotForKeyEncipherment() {
        KeyPair keys = TestPki.rsa(2048).keyPair();
        long now = System.currentTimeMillis();
        X509Certificate expired = TestPki.certificate(keys, "expired", new Date(now - 10 * DAY), new Date(now - DAY),
                null);
        X509Certificate notYetValid = TestPki.certificate(keys, "future", new Date(now + DAY), new Date(now + 10 * DAY),
                null);
        X509Certificate signatureOnly = TestPki.certificate(keys, "signing", new Date(now - DAY), new Date(now + DAY),
                new KeyUsage(KeyUsage.digitalSignature));
        X509Certificate encipherment = TestPki.certificate(keys, "encipherment", new Date(now - DAY),
                new Date(now + DAY), new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertRefused(expired, "expired on");
        assertRefused(notYetValid, "not valid before");
        assertRefused(signatureOnly, "does not allow key encipherment");

        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(keys.getPrivate(), encipherment);
        assertEquals(CARD, opener.open(CmsEnvelopeSealer.forRecipient(encipherment, CmsKeyTransport.RSA_OAEP_SHA256)
                .seal(CARD), CardInfo.TYPE));
        for (X509Certificate opted : List.of(expired, notYetValid, signatureOnly)) {
            String sealed = CmsEnvelopeSealer.forUncheckedRecipient(opted, CmsKeyTransport.RSA_OAEP_SHA256).seal(CARD);
            assertEquals(CARD, CmsEnvelopeOpener.forRecipient(keys.getPrivate(), opted).open(sealed, CardInfo.TYPE));
        }
    }

    @Test
    void pkcs1IsAcceptedByDefaultAndRefusedByAnOaepOnlyOpener() {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        String pkcs1 = CmsEnvelopeSealer.forRecipient(tsp.certificate(), CmsKeyTransport.RSA_PKCS1_V1_5).seal(CARD);
        CmsEnvelopeOpener opener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        assertEquals(CARD, opener.open(pkcs1, CardInfo.TYPE));
        List<String> reasons = new ArrayList<>();
        assertThrows(EnvelopeOpenException.class, () -> opener.allowing(CmsKeyTransport.RSA_OAEP_SHA256)
                .withFailureListener(reasons::add).open(pkcs1, CardInfo.TYPE));
        assertEquals(List.of("CMS: the key transport is not an allowed one"), reasons);
    }

    private static void assertRefused(X509Certificate certificate, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmsEnvelopeSealer.forRecipient(certificate, CmsKeyTransport.RSA_OAEP_SHA256));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static String seal(byte[] plaintext, JceKeyTransRecipientInfoGenerator... recipients) throws Exception {
        CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
        for (JceKeyTransRecipientInfoGenerator recipient : recipients) {
            generator.addRecipientInfoGenerator(recipient);
        }
        CMSEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(plaintext),
                new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_CBC).setProvider(Bc.provider()).build());
        return Base64.getEncoder().encodeToString(enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER));
    }
}
