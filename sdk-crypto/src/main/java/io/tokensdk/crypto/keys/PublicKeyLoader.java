package io.tokensdk.crypto.keys;

import io.tokensdk.crypto.internal.Bc;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Loads an RSA or EC public key from PEM: the first {@code PUBLIC KEY} (SubjectPublicKeyInfo) or certificate's key of
 * the file.
 */
public final class PublicKeyLoader {
    private PublicKeyLoader() {
    }

    /**
     * Loads a public key file.
     *
     * @param path the PEM file
     * @return the public key
     * @throws KeyLoadException if the file is missing or holds no public key
     */
    public static PublicKey load(Path path) {
        return parse(KeySources.read(path));
    }

    /**
     * Loads a public key from a stream, which is read to the end and left open.
     *
     * @param in the PEM bytes
     * @return the public key
     * @throws KeyLoadException if the bytes hold no public key
     */
    public static PublicKey load(InputStream in) {
        return parse(KeySources.read(in));
    }

    private static PublicKey parse(byte[] bytes) {
        List<Object> objects = PemObjects.readAll(bytes);
        SubjectPublicKeyInfo info = null;
        for (Object object : objects) {
            X509CertificateHolder certificate = PemObjects.certificate(object);
            if (object instanceof SubjectPublicKeyInfo spki) {
                info = spki;
            } else if (certificate != null) {
                info = certificate.getSubjectPublicKeyInfo();
            }
            if (info != null) {
                break;
            }
        }
        if (info == null) {
            throw new KeyLoadException("expected a public key but the PEM file holds " + PemObjects.describeAll(objects));
        }
        try {
            return new JcaPEMKeyConverter().getPublicKey(info);
        } catch (Exception jdkFailed) {
            try {
                return new JcaPEMKeyConverter().setProvider(Bc.provider()).getPublicKey(info);
            } catch (Exception e) {
                throw new KeyLoadException("the public key is malformed or of an unsupported algorithm");
            }
        }
    }
}
