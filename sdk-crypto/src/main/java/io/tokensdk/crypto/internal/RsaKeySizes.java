package io.tokensdk.crypto.internal;

import java.security.Key;
import java.security.interfaces.RSAKey;

/** Checks RSA modulus sizes. Internal: not part of the public API. */
public final class RsaKeySizes {
    private RsaKeySizes() {
    }

    /**
     * Requires an RSA key whose modulus is exactly one of the given sizes.
     *
     * @param key the key to check
     * @param allowedBits the allowed modulus sizes in bits
     * @throws IllegalArgumentException if the key is not RSA or has another size
     */
    public static void require(Key key, int... allowedBits) {
        if (!(key instanceof RSAKey rsa)) {
            throw new IllegalArgumentException("an RSA key is required, got " + (key == null ? "null" : key.getAlgorithm()));
        }
        int bits = rsa.getModulus().bitLength();
        for (int allowed : allowedBits) {
            if (bits == allowed) {
                return;
            }
        }
        throw new IllegalArgumentException("RSA key of " + bits + " bits is not allowed, expected one of "
                + java.util.Arrays.toString(allowedBits));
    }
}
