package io.tokensdk.crypto.cms;

import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.jcajce.io.CipherInputStream;
import org.bouncycastle.operator.InputDecryptor;

/**
 * A key-transport recipient that unwraps the content key with the JDK's RSA (SunJCE, which caches its blinding; the
 * provider the JCA chooses for the key, so a token or HSM key finds its own): RSAES-PKCS1-v1_5 with implicit rejection,
 * so that it never fails on bad padding (see {@link Pkcs1ImplicitRejection}), and RSAES-OAEP with the explicit SHA-256 /
 * MGF1-SHA-256 parameters that {@link CmsKeyTransport#of} has checked. The AES-256-CBC content is decrypted with the IV
 * read straight from the algorithm's parameters, on the first provider offering it (SunJCE). Both providers are looked
 * up once. Configured once, then only read: safe to share between threads.
 */
final class ImplicitRejectionRecipient extends JceKeyTransEnvelopedRecipient {
    private static final int CONTENT_KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    private final PrivateKey privateKey;
    private final Pkcs1ImplicitRejection pkcs1;
    private final PinnedCipher oaep;
    private final PinnedCipher content;

    ImplicitRejectionRecipient(PrivateKey privateKey, Pkcs1ImplicitRejection pkcs1) {
        super(privateKey);
        this.privateKey = privateKey;
        this.pkcs1 = pkcs1;
        this.oaep = PinnedCipher.forKey("RSA/ECB/OAEPPadding", Cipher.DECRYPT_MODE, privateKey,
                CmsKeyTransport.OAEP_SHA256);
        this.content = PinnedCipher.firstProvider(CmsKeyTransport.CONTENT_CIPHER);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryptionAlgorithm,
            AlgorithmIdentifier contentEncryptionAlgorithm, byte[] encryptedContentKey) throws CMSException {
        if (!CMSAlgorithm.AES256_CBC.equals(contentEncryptionAlgorithm.getAlgorithm())) {
            throw new CMSException("the content encryption is not AES-256-CBC");
        }
        Key contentKey = extractSecretKey(keyEncryptionAlgorithm, contentEncryptionAlgorithm, encryptedContentKey);
        Cipher cipher;
        try {
            if (contentEncryptionAlgorithm.getParameters() == null) {
                throw new CMSException("no IV");
            }
            byte[] iv = ASN1OctetString.getInstance(contentEncryptionAlgorithm.getParameters()).getOctets();
            if (iv.length != IV_BYTES) {
                throw new CMSException("the IV is not 128 bits");
            }
            cipher = content.newCipher();
            cipher.init(Cipher.DECRYPT_MODE, contentKey, new IvParameterSpec(iv));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CMSException("the content cipher cannot be set up", e);
        }
        return new RecipientOperator(new InputDecryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return contentEncryptionAlgorithm;
            }

            @Override
            public InputStream getInputStream(InputStream encrypted) {
                return new CipherInputStream(encrypted, cipher);
            }
        });
    }

    @Override
    protected Key extractSecretKey(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier encryptedKeyAlgorithm,
            byte[] encryptedEncryptionKey) throws CMSException {
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(keyEncryptionAlgorithm.getAlgorithm())) {
                return new SecretKeySpec(pkcs1.unwrap(encryptedEncryptionKey), "AES");
            }
            Cipher rsa = oaep.newCipher();
            rsa.init(Cipher.DECRYPT_MODE, privateKey, CmsKeyTransport.OAEP_SHA256);
            byte[] contentKey = rsa.doFinal(encryptedEncryptionKey);
            try {
                if (contentKey.length != CONTENT_KEY_BYTES) {
                    throw new CMSException("the content key is not 256 bits");
                }
                return new SecretKeySpec(contentKey, "AES");
            } finally {
                Arrays.fill(contentKey, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new CMSException("key transport failed", e);
        }
    }
}
