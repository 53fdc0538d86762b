package io.tokensdk.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.X509CertificateHolder;

/** Loads an X.509 certificate in PEM or DER form (the form is detected). */
public final class CertificateLoader {
    private CertificateLoader() {
    }

    /**
     * Loads a certificate file.
     *
     * @param path a PEM or DER file
     * @return the certificate
     * @throws KeyLoadException if the file is missing or does not hold a certificate
     */
    public static X509Certificate load(Path path) {
        return parse(KeySources.read(path));
    }

    /**
     * Loads a certificate from a stream, which is read to the end and left open.
     *
     * @param in PEM or DER bytes
     * @return the certificate
     * @throws KeyLoadException if the bytes do not hold a certificate
     */
    public static X509Certificate load(InputStream in) {
        return parse(KeySources.read(in));
    }

    private static X509Certificate parse(byte[] bytes) {
        byte[] der;
        if (KeySources.looksLikePem(bytes)) {
            Object object = PemObjects.readFirst(bytes);
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new KeyLoadException("expected a certificate but the PEM block is " + PemObjects.describe(object));
            }
            try {
                der = holder.getEncoded();
            } catch (java.io.IOException e) {
                throw new KeyLoadException("the certificate could not be encoded");
            }
        } else {
            der = bytes;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new KeyLoadException("not an X.509 certificate in PEM or DER form");
        }
    }
}
