package io.tokensdk.crypto.cms;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.jcajce.io.CipherOutputStream;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;

/**
 * The content encryptor of one envelope: a fresh AES-256 key and IV, AES-CBC with PKCS#7 padding on the JDK (SunJCE),
 * built directly instead of through BouncyCastle's builder, which looks up a key generator and parameters per call.
 */
final class AesCbcContentEncryptor implements OutputEncryptor {
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 16;

    private final AlgorithmIdentifier algorithm;
    private final SecretKeySpec key;
    private final Cipher cipher;

    private AesCbcContentEncryptor(AlgorithmIdentifier algorithm, SecretKeySpec key, Cipher cipher) {
        this.algorithm = algorithm;
        this.key = key;
        this.cipher = cipher;
    }

    static AesCbcContentEncryptor fresh(SecureRandom random) throws GeneralSecurityException {
        byte[] keyBytes = new byte[KEY_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(keyBytes);
        random.nextBytes(iv);
        SecretKeySpec key = new SecretKeySpec(keyBytes, "AES");
        Arrays.fill(keyBytes, (byte) 0);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        return new AesCbcContentEncryptor(new AlgorithmIdentifier(CMSAlgorithm.AES256_CBC, new DEROctetString(iv)),
                key, cipher);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return new CipherOutputStream(out, cipher);
    }

    @Override
    public GenericKey getKey() {
        return new JceGenericKey(algorithm, key);
    }
}
