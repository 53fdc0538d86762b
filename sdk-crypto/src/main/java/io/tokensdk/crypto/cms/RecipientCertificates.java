package io.tokensdk.crypto.cms;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.function.Function;

/** The checks a recipient certificate passes before anything is sealed to it. */
final class RecipientCertificates {
    /** The keyEncipherment bit of the X.509 key usage extension. */
    private static final int KEY_ENCIPHERMENT = 2;

    private RecipientCertificates() {
    }

    /** Throws the given error when the certificate is outside its validity period or not for key encipherment. */
    static <E extends RuntimeException> void requireUsable(X509Certificate certificate, Date now,
            Function<String, E> error) {
        try {
            certificate.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw error.apply("the recipient certificate expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw error.apply("the recipient certificate is not valid before " + certificate.getNotBefore().toInstant());
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= KEY_ENCIPHERMENT || !keyUsage[KEY_ENCIPHERMENT])) {
            throw error.apply("the recipient certificate's key usage does not allow key encipherment");
        }
    }
}
