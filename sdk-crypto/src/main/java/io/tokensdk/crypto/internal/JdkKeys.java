package io.tokensdk.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;

/**
 * Puts software RSA keys into the JDK's own key class, once, so that every RSA operation runs on SunJCE / SunRsaSign
 * (which cache their blinding per key) without a translation per call. Keys held by a token or an HSM are never
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
}
