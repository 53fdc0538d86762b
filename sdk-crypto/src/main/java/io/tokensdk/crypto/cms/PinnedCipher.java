package io.tokensdk.crypto.cms;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.Cipher;

/**
 * A cipher transformation bound to the provider the JCA chose for it once, so that each operation asks only that
 * provider for a {@link Cipher} instead of searching the provider list again. Immutable and thread-safe.
 */
final class PinnedCipher {
    private final String transformation;
    private final Provider provider;

    private PinnedCipher(String transformation, Provider provider) {
        this.transformation = transformation;
        this.provider = provider;
    }

    /**
     * The provider the JCA chooses for the transformation with this key, as {@code Cipher.init} would (a token or HSM
     * key finds its own provider). If none accepts the key now, every call searches again and fails as it would have.
     */
    static PinnedCipher forKey(String transformation, int mode, Key key, AlgorithmParameterSpec parameters) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            if (parameters == null) {
                cipher.init(mode, key);
            } else {
                cipher.init(mode, key, parameters);
            }
            return new PinnedCipher(transformation, cipher.getProvider());
        } catch (GeneralSecurityException e) {
            return new PinnedCipher(transformation, null);
        }
    }

    /** The first provider that offers the transformation, for software keys made per operation (AES content keys). */
    static PinnedCipher firstProvider(String transformation) {
        try {
            return new PinnedCipher(transformation, Cipher.getInstance(transformation).getProvider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is not available", e);
        }
    }

    /** A new, uninitialised cipher from the pinned provider. */
    Cipher newCipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
    }
}
