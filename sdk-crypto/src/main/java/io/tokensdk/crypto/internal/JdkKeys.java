package io.tokensdk.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Puts software RSA keys into the JDK's own key class, once, so that every RSA operation runs on SunJCE / SunRsaSign
 * (which cache their blinding per private key) without a translation per call. Keys held by a token or an HSM are never
 * touched. Internal: not part of the public API.
 */
public final class JdkKeys {
    private JdkKeys() {
    }

    /**
     * Returns the key as the JDK's RSA private key class, or the key itself if it is not a software CRT key.
     *
     * @param key an RSA private key
     * @return the same key, in the JDK's class where possible
     */
    public static PrivateKey rsaPrivate(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey) || key.getClass().getName().startsWith("sun.security.")) {
            return key;
        }
        try {
            return (PrivateKey) KeyFactory.getInstance("RSA").translateKey(key);
        } catch (GeneralSecurityException e) {
            return key;
        }
    }

    /**
     * Returns the key as the JDK's RSA public key class (a certificate parsed by another provider carries that
     * provider's key), or the key itself if it cannot be translated.
     *
     * @param key an RSA public key
     * @return the same key, in the JDK's class where possible
     */
    public static PublicKey rsaPublic(PublicKey key) {
        if (!(key instanceof RSAPublicKey) || key.getClass().getName().startsWith("sun.security.")) {
            return key;
        }
        try {
            return (PublicKey) KeyFactory.getInstance("RSA").translateKey(key);
        } catch (GeneralSecurityException e) {
            return key;
        }
    }
}
