package io.tokensdk.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
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
        return key instanceof RSAPrivateCrtKey ? translated(key, PrivateKey.class) : key;
    }

    /**
     * Returns the key as the JDK's RSA public key class (a certificate parsed by another provider carries that
     * provider's key), or the key itself if it cannot be translated.
     *
     * @param key an RSA public key
     * @return the same key, in the JDK's class where possible
     */
    public static PublicKey rsaPublic(PublicKey key) {
        return key instanceof RSAPublicKey ? translated(key, PublicKey.class) : key;
    }

    /** The RSA key in the JDK's class, or the key itself when it is already there or cannot be translated. */
    private static <K extends Key> K translated(K key, Class<K> kind) {
        if (key.getClass().getName().startsWith("sun.security.")) {
            return key;
        }
        try {
            Key translated = KeyFactory.getInstance("RSA").translateKey(key);
            return kind.isInstance(translated) ? kind.cast(translated) : key;
        } catch (GeneralSecurityException e) {
            return key;
        }
    }
}
