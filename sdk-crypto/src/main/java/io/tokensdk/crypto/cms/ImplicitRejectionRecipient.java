package io.tokensdk.crypto.cms;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.PrivateKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Decrypts the content of one key-transport recipient. The content key is unwrapped with the JDK's RSA (SunJCE, which
 * caches its blinding; the provider the JCA chooses for the key, so a token or HSM key finds its own):
 * RSAES-PKCS1-v1_5 with implicit rejection, so that it never fails on bad padding (see {@link Pkcs1ImplicitRejection}),
 * and RSAES-OAEP with the explicit SHA-256 / MGF1-SHA-256 parameters that {@link CmsKeyTransport#of} has checked. The
 * AES-256-CBC content is then decrypted with the IV read straight from the algorithm's parameters, on the first provider
 * offering it (SunJCE). Both providers are looked up once. Configured once, then only read: safe to share between
 * threads.
 */
final class ImplicitRejectionRecipient {
    private static final int CONTENT_KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    private final PrivateKey privateKey;
    private final Pkcs1ImplicitRejection pkcs1;
    private final PinnedCipher oaep;
    private final PinnedCipher content;

    ImplicitRejectionRecipient(PrivateKey privateKey, Pkcs1ImplicitRejection pkcs1) {
        this.privateKey = privateKey;
        this.pkcs1 = pkcs1;
        this.oaep = PinnedCipher.forKey("RSA/ECB/OAEPPadding", Cipher.DECRYPT_MODE, privateKey,
                CmsKeyTransport.OAEP_SHA256);
        this.content = PinnedCipher.firstProvider(CmsKeyTransport.CONTENT_CIPHER);
    }

    /**
     * The plaintext.
     *
     * @param keyEncryptionAlgorithm the recipient's key transport, already allowed by the opener
     * @param encryptedKey the recipient's wrapped content key
     * @param contentEncryptionAlgorithm AES-256-CBC (checked by the opener) with its IV
     * @param ciphertext the encrypted content
     * @throws GeneralSecurityException if the key transport (OAEP) or the content padding fails, or the IV is not 128 bits
     */
    byte[] decrypt(AlgorithmIdentifier keyEncryptionAlgorithm, byte[] encryptedKey,
            AlgorithmIdentifier contentEncryptionAlgorithm, byte[] ciphertext) throws GeneralSecurityException {
        if (contentEncryptionAlgorithm.getParameters() == null) {
            throw new InvalidAlgorithmParameterException("no IV");
        }
        byte[] iv = ASN1OctetString.getInstance(contentEncryptionAlgorithm.getParameters()).getOctets();
        if (iv.length != IV_BYTES) {
            throw new InvalidAlgorithmParameterException("the IV is not 128 bits");
        }
        byte[] contentKey = contentKey(keyEncryptionAlgorithm, encryptedKey);
        try {
            Cipher cipher = content.newCipher();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(ciphertext);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    private byte[] contentKey(AlgorithmIdentifier keyEncryptionAlgorithm, byte[] encryptedKey)
            throws GeneralSecurityException {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(keyEncryptionAlgorithm.getAlgorithm())) {
            return pkcs1.unwrap(encryptedKey);
        }
        Cipher rsa = oaep.newCipher();
        rsa.init(Cipher.DECRYPT_MODE, privateKey, CmsKeyTransport.OAEP_SHA256);
        byte[] contentKey = rsa.doFinal(encryptedKey);
        if (contentKey.length != CONTENT_KEY_BYTES) {
            Arrays.fill(contentKey, (byte) 0);
            throw new InvalidAlgorithmParameterException("the content key is not 256 bits");
        }
        return contentKey;
    }
}
