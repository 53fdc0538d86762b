package io.tokensdk.crypto.cms;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;

/**
 * Writes the DER {@code ContentInfo} of a one-recipient EnvelopedData (RFC 5652) directly into one array. For a given
 * recipient and key transport the structure is fixed apart from the lengths, the encrypted key, the IV and the
 * ciphertext, so the fixed parts are DER-encoded once (by BouncyCastle's ASN.1 classes, here in the constructor) and
 * each envelope only copies them around the three variable values:
 *
 * <pre>
 * ContentInfo SEQUENCE {
 *   contentType envelopedData,
 *   content [0] EXPLICIT EnvelopedData SEQUENCE {
 *     version 0,                                  -- a KeyTransRecipientInfo by issuer and serial number, nothing else
 *     recipientInfos SET { KeyTransRecipientInfo SEQUENCE {
 *       version 0, rid IssuerAndSerialNumber, keyEncryptionAlgorithm, encryptedKey OCTET STRING } },
 *     encryptedContentInfo SEQUENCE {
 *       contentType id-data,
 *       contentEncryptionAlgorithm SEQUENCE { aes256-CBC, iv OCTET STRING },
 *       encryptedContent [0] IMPLICIT OCTET STRING } } }
 * </pre>
 *
 * Immutable and thread-safe.
 */
final class EnvelopedDataWriter {
    static final int IV_BYTES = 16;

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OCTET_STRING = 0x04;
    private static final int CONTEXT_0_CONSTRUCTED = 0xA0;
    private static final int CONTEXT_0_PRIMITIVE = 0x80;

    private static final byte[] ENVELOPED_DATA_OID = encode(CMSObjectIdentifiers.envelopedData);
    private static final byte[] VERSION_0 = encode(new ASN1Integer(0));
    private static final byte[] DATA_OID = encode(CMSObjectIdentifiers.data);
    private static final byte[] AES256_CBC_OID = encode(CMSAlgorithm.AES256_CBC);

    /** version, rid and keyEncryptionAlgorithm of the KeyTransRecipientInfo: everything before the encrypted key. */
    private final byte[] recipientInfoHead;

    EnvelopedDataWriter(X509Certificate recipient, AlgorithmIdentifier keyEncryptionAlgorithm)
            throws CertificateEncodingException {
        byte[] rid = encode(new IssuerAndSerialNumber(new JcaX509CertificateHolder(recipient).toASN1Structure()));
        byte[] algorithm = encode(keyEncryptionAlgorithm);
        this.recipientInfoHead = new byte[VERSION_0.length + rid.length + algorithm.length];
        System.arraycopy(VERSION_0, 0, recipientInfoHead, 0, VERSION_0.length);
        System.arraycopy(rid, 0, recipientInfoHead, VERSION_0.length, rid.length);
        System.arraycopy(algorithm, 0, recipientInfoHead, VERSION_0.length + rid.length, algorithm.length);
    }

    /**
     * The DER ContentInfo.
     *
     * @param encryptedKey the content key wrapped by the key transport
     * @param iv the {@value #IV_BYTES}-byte CBC IV
     * @param ciphertext the AES-256-CBC ciphertext
     */
    byte[] write(byte[] encryptedKey, byte[] iv, byte[] ciphertext) {
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("the IV is not " + IV_BYTES + " bytes");
        }
        int recipientInfo = recipientInfoHead.length + tlv(encryptedKey.length);
        int recipientInfos = tlv(recipientInfo);
        int algorithm = AES256_CBC_OID.length + tlv(IV_BYTES);
        int encryptedContentInfo = DATA_OID.length + tlv(algorithm) + tlv(ciphertext.length);
        int envelopedData = VERSION_0.length + tlv(recipientInfos) + tlv(encryptedContentInfo);
        int explicit = tlv(envelopedData);
        int contentInfo = ENVELOPED_DATA_OID.length + tlv(explicit);

        Der der = new Der(tlv(contentInfo));
        der.header(SEQUENCE, contentInfo).bytes(ENVELOPED_DATA_OID);
        der.header(CONTEXT_0_CONSTRUCTED, explicit);
        der.header(SEQUENCE, envelopedData).bytes(VERSION_0);
        der.header(SET, recipientInfos);
        der.header(SEQUENCE, recipientInfo).bytes(recipientInfoHead);
        der.header(OCTET_STRING, encryptedKey.length).bytes(encryptedKey);
        der.header(SEQUENCE, encryptedContentInfo).bytes(DATA_OID);
        der.header(SEQUENCE, algorithm).bytes(AES256_CBC_OID);
        der.header(OCTET_STRING, IV_BYTES).bytes(iv);
        der.header(CONTEXT_0_PRIMITIVE, ciphertext.length).bytes(ciphertext);
        return der.finish();
    }

    /** The length of a DER element (tag, length, contents) with contents of the given length. */
    private static int tlv(int contentLength) {
        return 1 + lengthOfLength(contentLength) + contentLength;
    }

    /** The number of bytes of a DER definite length. */
    private static int lengthOfLength(int length) {
        if (length < 0x80) {
            return 1;
        }
        int bytes = 1;
        for (int rest = length; rest != 0; rest >>>= 8) {
            bytes++;
        }
        return bytes;
    }

    private static byte[] encode(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    /** A cursor over an array of exactly the computed size. */
    private static final class Der {
        private final byte[] out;
        private int position;

        Der(int size) {
            this.out = new byte[size];
        }

        Der header(int tag, int length) {
            out[position++] = (byte) tag;
            if (length < 0x80) {
                out[position++] = (byte) length;
                return this;
            }
            int bytes = lengthOfLength(length) - 1;
            out[position++] = (byte) (0x80 | bytes);
            for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
                out[position++] = (byte) (length >>> shift);
            }
            return this;
        }

        Der bytes(byte[] value) {
            System.arraycopy(value, 0, out, position, value.length);
            position += value.length;
            return this;
        }

        byte[] finish() {
            if (position != out.length) {
                throw new IllegalStateException("DER length mismatch: " + position + " of " + out.length);
            }
            return out;
        }
    }
}
