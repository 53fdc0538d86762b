package io.tokensdk.crypto.cms;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;

/**
 * A key-transport recipient that unwraps the content key with the JDK's RSA (SunJCE, which caches its blinding; the
 * default JCA lookup, so a token or HSM key finds its own provider): RSAES-PKCS1-v1_5 with implicit rejection, so that it
 * never fails on bad padding (see {@link Pkcs1ImplicitRejection}), and RSAES-OAEP with the explicit SHA-256 / MGF1-SHA-256
 * parameters that {@link CmsKeyTransport#of} has checked. The AES-CBC content is decrypted by the default JCA provider
 * (SunJCE). Configured once, then only read: safe to share between threads.
 */
final class ImplicitRejectionRecipient extends JceKeyTransEnvelopedRecipient {
    private static final int CONTENT_KEY_BYTES = 32;

    private final PrivateKey privateKey;
    private final Pkcs1ImplicitRejection pkcs1;

    ImplicitRejectionRecipient(PrivateKey privateKey, Pkcs1ImplicitRejection pkcs1) {
        super(privateKey);
        this.privateKey = privateKey;
        this.pkcs1 = pkcs1;
    }

    @Override
    protected Key extractSecretKey(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier encryptedKeyAlgorithm,
            byte[] encryptedEncryptionKey) throws CMSException {
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(keyEncryptionAlgorithm.getAlgorithm())) {
                return new SecretKeySpec(pkcs1.unwrap(encryptedEncryptionKey), "AES");
            }
            Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
            oaep.init(Cipher.DECRYPT_MODE, privateKey, CmsKeyTransport.OAEP_SHA256);
            byte[] contentKey = oaep.doFinal(encryptedEncryptionKey);
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
