package io.tokensdk.crypto.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with its certificate, as held by a PKCS#12 entry.
 *
 * @param privateKey the private key
 * @param certificate the end-entity certificate
 */
public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {
    /**
     * Checks the components.
     *
     * @param privateKey the private key
     * @param certificate the certificate
     */
    public KeyAndCertificate {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
        return "KeyAndCertificate{privateKey=" + privateKey.getAlgorithm() + " (hidden), certificate="
                + certificate.getSubjectX500Principal() + "}";
    }
}
