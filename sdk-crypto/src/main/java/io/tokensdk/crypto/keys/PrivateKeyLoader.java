package io.tokensdk.crypto.keys;

import io.tokensdk.crypto.internal.Bc;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Loads an RSA or EC private key from PEM: PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}), and legacy
 * OpenSSL-encrypted PKCS#1/SEC1. The file may hold other blocks beside the one key: {@code EC PARAMETERS} (as
 * {@code openssl ecparam -genkey} writes), certificates (a certificate-plus-key bundle).
 */
public final class PrivateKeyLoader {
    private PrivateKeyLoader() {
    }

    /**
     * Loads an unencrypted private key file.
     *
     * @param path the PEM file
     * @return the private key
     * @throws KeyLoadException if the file is missing, encrypted, or does not hold a private key
     */
    public static PrivateKey load(Path path) {
        return parse(KeySources.read(path), null);
    }

    /**
     * Loads a private key file, decrypting it if it is encrypted.
     *
     * @param path the PEM file
     * @param password the password (used only if the key is encrypted)
     * @return the private key
     * @throws KeyLoadException if the file is missing, the password is wrong, or it does not hold a private key
     */
    public static PrivateKey load(Path path, char[] password) {
        return parse(KeySources.read(path), password);
    }

    /**
     * Loads an unencrypted private key from a stream, which is read to the end and left open.
     *
     * @param in the PEM bytes
     * @return the private key
     * @throws KeyLoadException if the bytes are encrypted or do not hold a private key
     */
    public static PrivateKey load(InputStream in) {
        return parse(KeySources.read(in), null);
    }

    /**
     * Loads a private key from a stream, which is read to the end and left open.
     *
     * @param in the PEM bytes
     * @param password the password (used only if the key is encrypted)
     * @return the private key
     * @throws KeyLoadException if the password is wrong or the bytes do not hold a private key
     */
    public static PrivateKey load(InputStream in, char[] password) {
        return parse(KeySources.read(in), password);
    }

    private static PrivateKey parse(byte[] bytes, char[] password) {
        List<Object> objects = PemObjects.readAll(bytes);
        List<Object> keys = objects.stream().filter(PemObjects::isPrivateKey).toList();
        if (keys.isEmpty()) {
            throw new KeyLoadException("expected a private key but the PEM file holds " + PemObjects.describeAll(objects));
        }
        if (keys.size() > 1) {
            throw new KeyLoadException("the PEM file holds " + keys.size() + " private keys; expected exactly one");
        }
        Object object = keys.get(0);
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo plain) {
            info = plain;
        } else if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            info = decrypt(encrypted, requirePassword(password));
        } else {
            info = decrypt((PEMEncryptedKeyPair) object, requirePassword(password));
        }
        try {
            // The JDK's key classes, so that RSA runs on SunJCE / SunRsaSign; BouncyCastle for what the JDK lacks.
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (Exception jdkFailed) {
            try {
                return new JcaPEMKeyConverter().setProvider(Bc.provider()).getPrivateKey(info);
            } catch (Exception e) {
                throw new KeyLoadException("the private key is malformed or of an unsupported algorithm");
            }
        }
    }

    private static char[] requirePassword(char[] password) {
        if (password == null) {
            throw new KeyLoadException("the private key is encrypted and no password was given");
        }
        return password;
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.provider()).build(password));
        } catch (Exception e) {
            throw new KeyLoadException("the encrypted private key could not be decrypted: wrong password, "
                    + "unsupported encryption or corrupted file");
        }
    }

    private static PrivateKeyInfo decrypt(PEMEncryptedKeyPair encrypted, char[] password) {
        try {
            return encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.provider())
                    .build(password)).getPrivateKeyInfo();
        } catch (Exception e) {
            throw new KeyLoadException("the encrypted private key could not be decrypted: wrong password, "
                    + "unsupported encryption or corrupted file");
        }
    }
}
