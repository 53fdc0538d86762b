package io.tokensdk.crypto;

import io.tokensdk.crypto.internal.Bc;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test-time RSA keys and self-signed certificates, generated once per size and JVM. */
public final class TestPki {
    /** An RSA key pair with its self-signed certificate. */
    public record RsaIdentity(KeyPair keyPair, X509Certificate certificate) {
        /** Writes the certificate and the PKCS#8 private key as PEM files into dir. */
        public Path[] writePem(Path dir, String name) {
            Path cert = dir.resolve(name + ".crt.pem");
            Path key = dir.resolve(name + ".key.pem");
            try {
                Files.writeString(cert, pem(certificate), StandardCharsets.US_ASCII);
                Files.writeString(key, pem(keyPair.getPrivate()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Path[] {cert, key};
        }
    }

    private static final Map<String, RsaIdentity> CACHE = new ConcurrentHashMap<>();

    private TestPki() {
    }

    /** A cached identity; different names give different keys of the same size. */
    public static RsaIdentity rsa(int bits, String name) {
        return CACHE.computeIfAbsent(bits + "/" + name, k -> generate(bits, name));
    }

    public static RsaIdentity rsa(int bits) {
        return rsa(bits, "tsp");
    }

    private static RsaIdentity generate(int bits, String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=tokensdk test " + name + " " + bits);
            Date now = new Date();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(bits),
                    new Date(now.getTime() - 86_400_000L), new Date(now.getTime() + 86_400_000L), subject,
                    keyPair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Bc.provider())
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                            .setProvider(Bc.provider()).build(keyPair.getPrivate())));
            return new RsaIdentity(keyPair, certificate);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate for an existing key pair, with the given validity, key usage (null: no extension) and a subject
     * key identifier.
     */
    public static X509Certificate certificate(KeyPair keyPair, String name, Date notBefore, Date notAfter,
            KeyUsage keyUsage) {
        try {
            X500Name subject = new X500Name("CN=tokensdk test " + name);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(Math.abs((long) name.hashCode()) + 1), notBefore, notAfter, subject,
                    keyPair.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keyPair.getPublic()));
            if (keyUsage != null) {
                builder.addExtension(Extension.keyUsage, true, keyUsage);
            }
            return new JcaX509CertificateConverter().setProvider(Bc.provider())
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                            .setProvider(Bc.provider()).build(keyPair.getPrivate())));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM text of a certificate or key. */
    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
