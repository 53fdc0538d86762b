package io.tokensdk.crypto.cms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokensdk.crypto.TestPki;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The directly written DER is byte for byte what BouncyCastle's ASN.1 classes encode for the same values. */
class EnvelopedDataWriterTest {
    private final Random random = new Random(7);

    /** Across every change in the number of length bytes, of the ciphertext and of the elements around it. */
    @ParameterizedTest
    @ValueSource(ints = {0, 16, 96, 112, 128, 240, 256, 4096, 65520, 65536, 70000})
    void writesWhatBouncyCastleEncodes(int ciphertextLength) throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        for (AlgorithmIdentifier keyEncryption : List.of(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP,
                        CmsKeyTransport.OAEP_SHA256))) {
            for (int keyLength : new int[] {256, 512}) {
                byte[] encryptedKey = bytes(keyLength);
                byte[] iv = bytes(16);
                byte[] ciphertext = bytes(ciphertextLength);

                byte[] written = new EnvelopedDataWriter(tsp.certificate(), keyEncryption)
                        .write(encryptedKey, iv, ciphertext);

                assertArrayEquals(bouncyCastle(tsp, keyEncryption, encryptedKey, iv, ciphertext), written);
                assertEquals(CMSObjectIdentifiers.envelopedData, ContentInfo.getInstance(written).getContentType());
            }
        }
    }

    private static byte[] bouncyCastle(TestPki.RsaIdentity tsp, AlgorithmIdentifier keyEncryption,
            byte[] encryptedKey, byte[] iv, byte[] ciphertext) throws Exception {
        RecipientIdentifier rid = new RecipientIdentifier(
                new IssuerAndSerialNumber(new JcaX509CertificateHolder(tsp.certificate()).toASN1Structure()));
        RecipientInfo recipient = new RecipientInfo(
                new KeyTransRecipientInfo(rid, keyEncryption, new DEROctetString(encryptedKey)));
        EncryptedContentInfo content = new EncryptedContentInfo(CMSObjectIdentifiers.data,
                new AlgorithmIdentifier(CMSAlgorithm.AES256_CBC, new DEROctetString(iv)),
                new DEROctetString(ciphertext));
        EnvelopedData enveloped = new EnvelopedData(null, new DERSet(recipient), content, (ASN1Set) null);
        return new ContentInfo(CMSObjectIdentifiers.envelopedData, enveloped).getEncoded(ASN1Encoding.DER);
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
