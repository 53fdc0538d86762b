package io.tokensdk.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.tokensdk.crypto.OpenSsl;
import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.payload.FundingPanInfo;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLoaderTest {
    private static final char[] PASSWORD = "s3cret-test-only".toCharArray();

    @TempDir
    static Path dir;

    static Path certPem;
    static Path certDer;
    static Path pkcs8;
    static Path pkcs1;
    static Path pkcs8Encrypted;
    static Path legacyEncrypted;
    static Path ecSec1;
    static Path ecPkcs8;
    static Path ecPublic;
    static Path p12;
    static Path ecWithParameters;
    static Path bundle;
    static Path trustedCertificate;
    static Path p12Unencrypted;
    static Path p12NoMac;

    @BeforeAll
    static void generateWithOpenssl() {
        certPem = dir.resolve("tsp.crt.pem");
        pkcs8 = dir.resolve("tsp.key.pem");
        OpenSsl.run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=tokensdk key loader test",
                "-days", "2", "-keyout", pkcs8.toString(), "-out", certPem.toString());
        certDer = dir.resolve("tsp.crt.der");
        OpenSsl.run("x509", "-in", certPem.toString(), "-outform", "DER", "-out", certDer.toString());
        pkcs1 = dir.resolve("tsp.pkcs1.pem");
        OpenSsl.run("rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString());
        pkcs8Encrypted = dir.resolve("tsp.enc.pem");
        OpenSsl.run("pkcs8", "-topk8", "-in", pkcs8.toString(), "-v2", "aes-256-cbc", "-passout",
                "pass:" + new String(PASSWORD), "-out", pkcs8Encrypted.toString());
        legacyEncrypted = dir.resolve("tsp.legacy-enc.pem");
        OpenSsl.run("rsa", "-in", pkcs8.toString(), "-traditional", "-aes256", "-passout",
                "pass:" + new String(PASSWORD), "-out", legacyEncrypted.toString());
        ecSec1 = dir.resolve("ec.sec1.pem");
        OpenSsl.run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", ecSec1.toString());
        ecPkcs8 = dir.resolve("ec.pkcs8.pem");
        OpenSsl.run("pkey", "-in", ecSec1.toString(), "-out", ecPkcs8.toString());
        ecPublic = dir.resolve("ec.pub.pem");
        OpenSsl.run("pkey", "-in", ecSec1.toString(), "-pubout", "-out", ecPublic.toString());
        p12 = dir.resolve("tsp.p12");
        OpenSsl.run("pkcs12", "-export", "-inkey", pkcs8.toString(), "-in", certPem.toString(), "-name", "tsp",
                "-passout", "pass:" + new String(PASSWORD), "-out", p12.toString());
        ecWithParameters = dir.resolve("ec.with-params.pem");
        OpenSsl.run("ecparam", "-name", "prime256v1", "-genkey", "-out", ecWithParameters.toString());
        bundle = dir.resolve("tsp.bundle.pem");
        OpenSsl.run("pkcs12", "-in", p12.toString(), "-nodes", "-passin", "pass:" + new String(PASSWORD),
                "-out", bundle.toString());
        trustedCertificate = dir.resolve("tsp.trusted.pem");
        OpenSsl.run("x509", "-in", certPem.toString(), "-addtrust", "serverAuth", "-trustout",
                "-out", trustedCertificate.toString());
        p12Unencrypted = dir.resolve("tsp.unencrypted.p12");
        OpenSsl.run("pkcs12", "-export", "-inkey", pkcs8.toString(), "-in", certPem.toString(), "-name", "tsp",
                "-keypbe", "NONE", "-certpbe", "NONE", "-passout", "pass:" + new String(PASSWORD),
                "-out", p12Unencrypted.toString());
        p12NoMac = dir.resolve("tsp.nomac.p12");
        OpenSsl.run("pkcs12", "-export", "-inkey", pkcs8.toString(), "-in", certPem.toString(), "-name", "tsp",
                "-keypbe", "NONE", "-certpbe", "NONE", "-nomac", "-passout", "pass:", "-out", p12NoMac.toString());
    }

    @Test
    void loadsMultiBlockPemAsOpensslWritesIt() throws IOException {
        String params = Files.readString(ecWithParameters);
        assertTrue(params.indexOf("BEGIN EC PARAMETERS") < params.indexOf("BEGIN EC PRIVATE KEY"));
        assertInstanceOf(ECPrivateKey.class, PrivateKeyLoader.load(ecWithParameters));

        String bundleText = Files.readString(bundle);
        assertTrue(bundleText.indexOf("BEGIN CERTIFICATE") < bundleText.indexOf("BEGIN PRIVATE KEY"), "cert then key");
        X509Certificate certificate = CertificateLoader.load(certPem);
        assertEquals(certificate, CertificateLoader.load(bundle));
        assertEquals(List.of(certificate), CertificateLoader.loadAll(bundle));
        assertSameRsa(PrivateKeyLoader.load(pkcs8), PrivateKeyLoader.load(bundle));
        assertEquals(certificate.getPublicKey(), PublicKeyLoader.load(bundle));
        assertTrue(KeyPairs.matches(certificate.getPublicKey(), PrivateKeyLoader.load(bundle)));

        assertTrue(Files.readString(trustedCertificate).contains("BEGIN TRUSTED CERTIFICATE"));
        assertEquals(certificate, CertificateLoader.load(trustedCertificate));
        Path chain = Files.writeString(dir.resolve("chain.pem"),
                Files.readString(trustedCertificate) + Files.readString(certPem));
        assertEquals(List.of(certificate, certificate), CertificateLoader.loadAll(chain));
    }

    @Test
    void loadsUnencryptedPkcs12() {
        PrivateKey plain = PrivateKeyLoader.load(pkcs8);
        KeyAndCertificate unencrypted = Pkcs12Loader.load(p12Unencrypted, "tsp", PASSWORD);
        assertSameRsa(plain, unencrypted.privateKey());
        assertEquals(CertificateLoader.load(certPem), unencrypted.certificate());
        assertSameRsa(plain, Pkcs12Loader.load(p12Unencrypted, PASSWORD).privateKey());
        assertSameRsa(plain, Pkcs12Loader.load(p12NoMac, new char[0]).privateKey());
    }

    @Test
    void loadsCertificatesInPemAndDer() throws IOException {
        X509Certificate pem = CertificateLoader.load(certPem);
        assertEquals(pem, CertificateLoader.load(certDer));
        try (InputStream in = Files.newInputStream(certDer)) {
            assertEquals(pem, CertificateLoader.load(in));
        }
        assertTrue(pem.getSubjectX500Principal().getName().contains("tokensdk key loader test"));
    }

    @Test
    void loadsEveryRsaPrivateKeyFormatAsTheSameKey() {
        PrivateKey plain = PrivateKeyLoader.load(pkcs8);
        assertInstanceOf(RSAPrivateKey.class, plain);
        assertSameRsa(plain, PrivateKeyLoader.load(pkcs1));
        assertSameRsa(plain, PrivateKeyLoader.load(pkcs8Encrypted, PASSWORD));
        assertSameRsa(plain, PrivateKeyLoader.load(legacyEncrypted, PASSWORD));
        KeyAndCertificate entry = Pkcs12Loader.load(p12, "tsp", PASSWORD);
        assertSameRsa(plain, entry.privateKey());
        assertEquals(CertificateLoader.load(certPem), entry.certificate());
        assertFalse(entry.toString().contains("modulus"));

        // The loaded pair works with the envelopes.
        String sealed = CmsEnvelopeSealer.forRecipient(CertificateLoader.load(certDer), CmsKeyTransport.RSA_OAEP_SHA256)
                .seal(FundingPanInfo.of("4111111111111111"));
        assertEquals("4111111111111111",
                CmsEnvelopeOpener.forRecipient(PrivateKeyLoader.load(pkcs1), CertificateLoader.load(certPem)).open(sealed, FundingPanInfo.TYPE).fpan());
    }

    @Test
    void loadsEcKeys() {
        ECPrivateKey sec1 = (ECPrivateKey) PrivateKeyLoader.load(ecSec1);
        ECPrivateKey pkcs8Key = (ECPrivateKey) PrivateKeyLoader.load(ecPkcs8);
        assertEquals(sec1.getS(), pkcs8Key.getS());
        assertInstanceOf(ECPublicKey.class, PublicKeyLoader.load(ecPublic));
        assertEquals(CertificateLoader.load(certPem).getPublicKey(), PublicKeyLoader.load(certPem));
    }

    @Test
    void loadsJwksAndLeavesCallerStreamsOpen() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        Path jwk = Files.writeString(dir.resolve("k1.jwk.json"), key.toJSONString());
        Path set = Files.writeString(dir.resolve("set.jwks.json"),
                new JWKSet(List.of(key, new ECKeyGenerator(Curve.P_256).keyID("k2").generate())).toString(false));
        assertEquals(key, JwkLoader.loadKey(jwk));
        JWKSet loaded = JwkLoader.loadSet(set);
        assertEquals(2, loaded.size());
        assertEquals(key, loaded.getKeyByKeyId("k1"));

        CloseTracking in = new CloseTracking(Files.readAllBytes(jwk));
        JWK fromStream = JwkLoader.loadKey(in);
        assertEquals(key, fromStream);
        assertFalse(in.closed, "the caller's stream must stay open");
    }

    @Test
    void badFilesNameTheProblemWithoutKeyMaterial() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pem"), new byte[0]);
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello, not a key");
        String pkcs8Text = Files.readString(pkcs8);
        String corrupted = pkcs8Text.replace(pkcs8Text.split("\n")[3], "!!!!" + pkcs8Text.split("\n")[3]);
        Path broken = Files.writeString(dir.resolve("broken.pem"), corrupted);
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        String badJwkJson = ec.toJSONString().replace("\"kty\":\"EC\",", "");
        Path noKty = Files.writeString(dir.resolve("nokty.json"), badJwkJson);
        String badPoint = ec.toJSONString().replace(ec.getX().toString(), ec.getY().toString());
        Path offCurve = Files.writeString(dir.resolve("offcurve.json"), badPoint);
        Path set = Files.writeString(dir.resolve("set.json"), new JWKSet(ec).toString(false));

        assertProblem(() -> PrivateKeyLoader.load(dir.resolve("missing.pem")), "file not found");
        assertProblem(() -> PrivateKeyLoader.load(empty), "input is empty");
        assertProblem(() -> PrivateKeyLoader.load(garbage), "no PEM block found");
        assertProblem(() -> PrivateKeyLoader.load(certPem), "the PEM file holds a certificate");
        assertProblem(() -> PrivateKeyLoader.load(ecPublic), "the PEM file holds a public key");
        assertProblem(() -> CertificateLoader.load(pkcs8), "expected a certificate but the PEM file holds a private key");
        Path twoKeys = Files.writeString(dir.resolve("two-keys.pem"), Files.readString(pkcs8) + Files.readString(ecPkcs8));
        assertProblem(() -> PrivateKeyLoader.load(twoKeys), "holds 2 private keys");
        assertProblem(() -> CertificateLoader.load(garbage), "not an X.509 certificate");
        assertProblem(() -> PrivateKeyLoader.load(pkcs8Encrypted), "encrypted and no password was given");
        assertProblem(() -> PrivateKeyLoader.load(pkcs8Encrypted, "wrong".toCharArray()), "wrong password");
        assertProblem(() -> PrivateKeyLoader.load(legacyEncrypted, "wrong".toCharArray()), "wrong password");
        assertProblem(() -> PrivateKeyLoader.load(broken), "malformed");
        assertProblem(() -> Pkcs12Loader.load(p12, "tsp", "wrong".toCharArray()), "wrong password");
        assertProblem(() -> Pkcs12Loader.load(p12, "other", PASSWORD), "alias 'other' not found; the keystore holds [tsp]");
        assertProblem(() -> Pkcs12Loader.load(pkcs8, "tsp", PASSWORD), "not a readable PKCS#12 keystore");
        assertProblem(() -> JwkLoader.loadKey(garbage), "not a JSON object");
        assertProblem(() -> JwkLoader.loadKey(noKty), "no \"kty\" member");
        assertProblem(() -> JwkLoader.loadKey(offCurve), "malformed");
        assertProblem(() -> JwkLoader.loadKey(set), "JWK set, not a single JWK");
        assertProblem(() -> JwkLoader.loadSet(noKty), "no \"keys\" array");
        assertProblem(() -> CertificateLoader.load(new ByteArrayInputStream(new byte[2 * 1024 * 1024])),
                "larger than");

        List<String> secrets = List.of(ec.getD().toString(), ec.getX().toString(), ec.getY().toString());
        for (KeyLoadException e : failures) {
            for (String line : pkcs8Text.split("\n")) {
                if (!line.startsWith("-----")) {
                    assertFalse(e.getMessage().contains(line.substring(0, Math.min(16, line.length()))),
                            "message leaks key material: " + e.getMessage());
                }
            }
            secrets.forEach(secret -> assertFalse(e.getMessage().contains(secret), e.getMessage()));
            assertEquals(null, e.getCause());
        }
    }

    private final java.util.List<KeyLoadException> failures = new java.util.ArrayList<>();

    private void assertProblem(org.junit.jupiter.api.function.Executable load, String expected) {
        KeyLoadException e = assertThrows(KeyLoadException.class, load);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
        failures.add(e);
    }

    private static void assertSameRsa(PrivateKey expected, PrivateKey actual) {
        assertEquals(((RSAPrivateKey) expected).getPrivateExponent(), ((RSAPrivateKey) actual).getPrivateExponent());
    }

    private static final class CloseTracking extends FilterInputStream {
        boolean closed;

        CloseTracking(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
