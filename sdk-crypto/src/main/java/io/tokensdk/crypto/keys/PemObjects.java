package io.tokensdk.crypto.keys;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads the first PEM object of a file and names what it is. */
final class PemObjects {
    private PemObjects() {
    }

    static Object readFirst(byte[] bytes) {
        if (!KeySources.looksLikePem(bytes)) {
            throw new KeyLoadException("no PEM block found (expected a '-----BEGIN ...' line)");
        }
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new KeyLoadException("no PEM block found (expected a '-----BEGIN ...' line)");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyLoadException known) {
                throw known;
            }
            throw new KeyLoadException("the PEM block is malformed (bad base64, bad ASN.1 or unknown type)");
        }
    }

    static String describe(Object object) {
        if (object instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair) {
            return "a private key";
        }
        if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            return "an encrypted private key";
        }
        return "a PEM object of another type (" + object.getClass().getSimpleName() + ")";
    }
}
