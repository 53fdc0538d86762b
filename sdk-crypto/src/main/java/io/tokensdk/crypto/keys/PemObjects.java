package io.tokensdk.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads every PEM block of a file, as openssl writes them: {@code EC PARAMETERS} before an EC key, a certificate and
 * its key in one file, a certificate chain, {@code TRUSTED CERTIFICATE}.
 */
final class PemObjects {
    /** More blocks than any key or chain file holds. */
    private static final int MAX_BLOCKS = 64;

    private PemObjects() {
    }

    /** Every PEM block in file order, except EC parameter blocks (a key carries its curve itself). */
    static List<Object> readAll(byte[] bytes) {
        if (!KeySources.looksLikePem(bytes)) {
            throw new KeyLoadException("no PEM block found (expected a '-----BEGIN ...' line)");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.US_ASCII))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (objects.size() == MAX_BLOCKS) {
                    throw new KeyLoadException("the PEM file holds more than " + MAX_BLOCKS + " blocks");
                }
                if (!isEcParameters(object)) {
                    objects.add(object);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyLoadException known) {
                throw known;
            }
            throw new KeyLoadException("a PEM block is malformed (bad base64, bad ASN.1 or unknown type)");
        }
        if (objects.isEmpty()) {
            throw new KeyLoadException("no PEM block found (expected a '-----BEGIN ...' line)");
        }
        return objects;
    }

    /** The certificate of a {@code CERTIFICATE} or {@code TRUSTED CERTIFICATE} block, or null. */
    static X509CertificateHolder certificate(Object object) {
        if (object instanceof X509CertificateHolder holder) {
            return holder;
        }
        if (object instanceof X509TrustedCertificateBlock trusted) {
            return trusted.getCertificateHolder();
        }
        return null;
    }

    static boolean isPrivateKey(Object object) {
        return object instanceof PrivateKeyInfo || object instanceof PEMKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair;
    }

    private static boolean isEcParameters(Object object) {
        return object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters;
    }

    /** What a file holds, for example "a certificate and a public key", never any of its content. */
    static String describeAll(List<Object> objects) {
        List<String> kinds = objects.stream().map(PemObjects::describe).distinct().collect(Collectors.toList());
        return kinds.size() == 1 ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
    }

    static String describe(Object object) {
        if (certificate(object) != null) {
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
