package io.tokensdk.crypto.cms;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;

/**
 * A key-transport recipient whose RSAES-PKCS1-v1_5 unwrapping never fails on bad padding (see
 * {@link Pkcs1ImplicitRejection}); OAEP goes through BouncyCastle unchanged.
 */
final class ImplicitRejectionRecipient extends JceKeyTransEnvelopedRecipient {
    private final Pkcs1ImplicitRejection pkcs1;

    ImplicitRejectionRecipient(PrivateKey privateKey, Pkcs1ImplicitRejection pkcs1) {
        super(privateKey);
        this.pkcs1 = pkcs1;
    }

    @Override
    protected Key extractSecretKey(AlgorithmIdentifier keyEncryptionAlgorithm, AlgorithmIdentifier encryptedKeyAlgorithm,
            byte[] encryptedEncryptionKey) throws CMSException {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(keyEncryptionAlgorithm.getAlgorithm())) {
            return super.extractSecretKey(keyEncryptionAlgorithm, encryptedKeyAlgorithm, encryptedEncryptionKey);
        }
        try {
            return new SecretKeySpec(pkcs1.unwrap(encryptedEncryptionKey), "AES");
        } catch (GeneralSecurityException e) {
            throw new CMSException("key transport failed", e);
        }
    }
}
