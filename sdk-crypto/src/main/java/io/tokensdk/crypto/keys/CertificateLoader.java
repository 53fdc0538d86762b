package io.tokensdk.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Loads X.509 certificates in PEM or DER form (the form is detected). A PEM file may hold several blocks: a chain,
 * a certificate followed by its private key, {@code TRUSTED CERTIFICATE} blocks (their trust settings are ignored);
 * blocks that are not certificates are skipped.
 */
public final class CertificateLoader {
    private CertificateLoader() {
    }

    /**
     * Loads the first certificate of a file.
     *
     * @param path a PEM or DER file
     * @return the certificate
     * @throws KeyLoadException if the file is missing or holds no certificate
     */
    public static X509Certificate load(Path path) {
        return parseAll(KeySources.read(path)).get(0);
    }

    /**
     * Loads the first certificate from a stream, which is read to the end and left open.
     *
     * @param in PEM or DER bytes
     * @return the certificate
     * @throws KeyLoadException if the bytes hold no certificate
     */
    public static X509Certificate load(InputStream in) {
        return parseAll(KeySources.read(in)).get(0);
    }

    /**
     * Loads every certificate of a file in file order, for example a chain (leaf first) or a set of trusted CAs.
     *
     * @param path a PEM file, or a DER file holding one certificate
     * @return the certificates, at least one
     * @throws KeyLoadException if the file is missing or holds no certificate
     */
    public static List<X509Certificate> loadAll(Path path) {
        return parseAll(KeySources.read(path));
    }

    /**
     * Loads every certificate from a stream, which is read to the end and left open.
     *
     * @param in PEM bytes, or DER bytes of one certificate
     * @return the certificates, at least one
     * @throws KeyLoadException if the bytes hold no certificate
     */
    public static List<X509Certificate> loadAll(InputStream in) {
        return parseAll(KeySources.read(in));
    }

    private static List<X509Certificate> parseAll(byte[] bytes) {
        if (!KeySources.looksLikePem(bytes)) {
            return List.of(fromDer(bytes));
        }
        List<Object> objects = PemObjects.readAll(bytes);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects) {
            X509CertificateHolder holder = PemObjects.certificate(object);
            if (holder != null) {
                try {
                    certificates.add(fromDer(holder.getEncoded()));
                } catch (IOException e) {
                    throw new KeyLoadException("a certificate could not be encoded");
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new KeyLoadException("expected a certificate but the PEM file holds " + PemObjects.describeAll(objects));
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate fromDer(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new KeyLoadException("not an X.509 certificate in PEM or DER form");
        }
    }
}
