package io.tokensdk.crypto.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider instance used by this module. It is passed explicitly to every JCA and BC builder call
 * and is never inserted into the JVM's provider list ({@code Security.addProvider} is not called).
 *
 * <p>Internal: not part of the public API.
 */
public final class Bc {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }

    /**
     * Returns the shared, stateless provider instance.
     *
     * @return the BouncyCastle provider
     */
    public static Provider provider() {
        return PROVIDER;
    }
}
