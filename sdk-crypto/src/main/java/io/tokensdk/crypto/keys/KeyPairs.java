package io.tokensdk.crypto.keys;

import io.tokensdk.crypto.internal.Bc;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/** Checks that a private key is the other half of a public key, so a mismatched key file fails at load time. */
public final class KeyPairs {
    private static final byte[] PROBE = "tokensdk key pair check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    /**
     * Tells whether the keys form one pair: the same RSA modulus, or an EC signature made with the private key that
     * the public key verifies.
     *
     * @param publicKey the public key, for example a certificate's
     * @param privateKey the private key
     * @return true if they belong together; false for other algorithms or a mismatch
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateKey rsaPrivate) {
            return rsa.getModulus().equals(rsaPrivate.getModulus());
        }
        if (publicKey instanceof ECPublicKey && privateKey instanceof ECPrivateKey) {
            try {
                Signature signer = Signature.getInstance("SHA256withECDSA", Bc.provider());
                signer.initSign(privateKey);
                signer.update(PROBE);
                byte[] signature = signer.sign();
                Signature verifier = Signature.getInstance("SHA256withECDSA", Bc.provider());
                verifier.initVerify(publicKey);
                verifier.update(PROBE);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return false;
    }
}
