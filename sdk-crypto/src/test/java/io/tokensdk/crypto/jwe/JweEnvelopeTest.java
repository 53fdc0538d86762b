package io.tokensdk.crypto.jwe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JweEnvelopeTest {
    private static final TokenData TOKEN = TokenData.of("9580981500100003", "1222");
    private static final TokenCredentials CREDENTIALS = TokenCredentials.builder().dpan("9580981500100003")
            .exp("1232").fpan("9680981500100002").fpanExp("1230")
            .paymentAccountReference("23R0PAYMENTACCOUNTREFERENCEXX").serviceCode("123").psn("01").build();

    private static final ECKey EC = ec("tsh-2026-01");
    private static final ECKey EC_OLD = ec("tsh-2025-01");
    private static final RSAKey RSA = rsa("bank-2026");

    private final List<EnvelopeOpenException> failures = new ArrayList<>();

    @Test
    void roundTripsTokenDataAndCredentials() {
        JweOpener opener = JweOpener.ecdhEs(new JWKSet(List.of(EC, EC_OLD)));
        assertEquals(TOKEN, opener.open(JweSealer.ecdhEs(EC.toPublicJWK()).seal(TOKEN), TokenData.TYPE));
        assertEquals(CREDENTIALS, opener.open(JweSealer.ecdhEs(EC_OLD).seal(CREDENTIALS), TokenCredentials.TYPE));
    }

    @Test
    void writesTheSpecHeader() throws Exception {
        JWEHeader header = JWEObject.parse(JweSealer.ecdhEs(EC).seal(TOKEN)).getHeader();
        assertEquals(JWEAlgorithm.ECDH_ES, header.getAlgorithm());
        assertEquals(EncryptionMethod.A256GCM, header.getEncryptionMethod());
        assertEquals("tsh-2026-01", header.getKeyID());
        assertEquals(Curve.P_256, ((ECKey) header.getEphemeralPublicKey()).getCurve());
        assertNull(header.getCompressionAlgorithm());
    }

    @Test
    void selectsTheKeyByKidSoKeysCanRotate() {
        String sealedForOld = JweSealer.ecdhEs(EC_OLD).seal(TOKEN);
        assertEquals(TOKEN, JweOpener.ecdhEs(new JWKSet(List.of(EC, EC_OLD))).open(sealedForOld, TokenData.TYPE));
        fails(() -> JweOpener.ecdhEs(new JWKSet(EC)).open(sealedForOld));
        assertGeneric();
    }

    @Test
    void opensKnownAnswers() throws Exception {
        JWKSet keys;
        Properties kat = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/jwe/test-only-kat-keys.jwks.json");
             InputStream props = getClass().getResourceAsStream("/jwe/test-only-kat.properties")) {
            keys = JWKSet.load(in);
            kat.load(props);
        }
        assertEquals(CREDENTIALS, JweOpener.ecdhEs(keys).open(kat.getProperty("ecdh-es.token-credentials"),
                TokenCredentials.TYPE));
        assertEquals(AccountNumber.of("4111111111111111"), JweOpener.rsaOaep256(keys)
                .open(kat.getProperty("rsa-oaep-256.account-number"), AccountNumber.TYPE));
        JWKSet signer = new JWKSet(keys.getKeyByKeyId("kat-signer-2026").toPublicJWK());
        assertArrayEquals("credentials".getBytes(StandardCharsets.US_ASCII),
                SignedJweOpener.of(keys, signer).open(kat.getProperty("signed.credentials")));
    }

    @Test
    void rejectsEverythingOutsideTheWhitelist() throws Exception {
        JweOpener opener = JweOpener.ecdhEs(new JWKSet(EC));
        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A128KW, EncryptionMethod.A256GCM)
                .keyID(EC.getKeyID()).build())));
        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A128GCM)
                .keyID(EC.getKeyID()).build())));
        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256CBC_HS512)
                .keyID(EC.getKeyID()).build())));
        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .keyID(EC.getKeyID()).compressionAlgorithm(CompressionAlgorithm.DEF).build())));
        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .build())));
        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .keyID("unknown").build())));
        // The RSA profile does not accept ECDH-ES, and the ECDH-ES one does not accept RSA-OAEP-256.
        fails(() -> JweOpener.rsaOaep256(new JWKSet(RSA)).open(JweSealer.ecdhEs(EC).seal(TOKEN)));
        fails(() -> opener.open(JweSealer.rsaOaep256(RSA).seal(AccountNumber.of("4111111111111111"))));
        // A valid JWE under the ECDH-ES profile is still refused when its header says it is nested.
        fails(() -> opener.open(SignedJweSealer.of(ec("signer"), EC).seal(TOKEN)));
        assertGeneric();
    }

    @Test
    void tamperingAndWrongKeysLookTheSame() {
        JweOpener opener = JweOpener.ecdhEs(new JWKSet(EC));
        String sealed = JweSealer.ecdhEs(EC).seal(TOKEN);
        String[] parts = sealed.split("\\.");
        String badTag = String.join(".", parts[0], parts[1], parts[2], parts[3], flipLast(parts[4]));
        String badCiphertext = String.join(".", parts[0], parts[1], parts[2], flipLast(parts[3]), parts[4]);
        fails(() -> opener.open(badTag));
        fails(() -> opener.open(badCiphertext));
        fails(() -> opener.open("garbage"));
        fails(() -> opener.open(sealed.substring(0, sealed.length() - 4)));
        ECKey impostor = ec(EC.getKeyID());
        fails(() -> JweOpener.ecdhEs(new JWKSet(impostor)).open(sealed));
        assertGeneric();
    }

    @Test
    @SuppressWarnings("deprecation") // RSA-OAEP (SHA-1) is used on purpose, to prove it is refused
    void sealsAndOpensThePatAccountNumber() throws Exception {
        AccountNumber pan = AccountNumber.of("4111111111111111");
        String sealed = JweSealer.rsaOaep256(RSA.toPublicJWK()).seal(pan);
        JWEHeader header = JWEObject.parse(sealed).getHeader();
        assertEquals(JWEAlgorithm.RSA_OAEP_256, header.getAlgorithm());
        assertEquals(EncryptionMethod.A256GCM, header.getEncryptionMethod());
        assertEquals("bank-2026", header.getKeyID());
        assertEquals(pan, JweOpener.rsaOaep256(new JWKSet(RSA)).open(sealed, AccountNumber.TYPE));

        JweOpener opener = JweOpener.rsaOaep256(new JWKSet(RSA));
        JWEObject oaepSha1 = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256GCM)
                .keyID("bank-2026").build(), new Payload("4111111111111111"));
        oaepSha1.encrypt(new RSAEncrypter(RSA));
        fails(() -> opener.open(oaepSha1.serialize()));
        assertGeneric();
    }

    @Test
    void signedCredentialsVerifyAgainstTheTrustedKey() throws Exception {
        ECKey signer = ec("tsp-signer");
        byte[] credentials = {0x01, 0x02, (byte) 0xff, 0x00, 0x7f};
        String sealed = SignedJweSealer.of(signer, EC.toPublicJWK()).seal(credentials);
        JWEHeader header = JWEObject.parse(sealed).getHeader();
        assertEquals("JWT", header.getContentType().toString());
        assertEquals(JWEAlgorithm.ECDH_ES, header.getAlgorithm());

        SignedJweOpener opener = SignedJweOpener.of(new JWKSet(EC), new JWKSet(signer.toPublicJWK()));
        assertArrayEquals(credentials, opener.open(sealed));
        assertEquals(TOKEN, opener.open(SignedJweSealer.of(signer, EC).seal(TOKEN), TokenData.TYPE));

        // Signed by an untrusted key that reuses the trusted kid.
        fails(() -> opener.open(SignedJweSealer.of(ec("tsp-signer"), EC).seal(credentials)));
        // Plain JWE without the inner JWS.
        fails(() -> opener.open(JweSealer.ecdhEs(EC).seal(credentials)));
        // Inner algorithm outside the whitelist (HS256), properly encrypted with cty JWT.
        JWSObject hs = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("tsp-signer").build(),
                new Payload(credentials));
        hs.sign(new MACSigner(new byte[32]));
        fails(() -> opener.open(nestedJwe(hs)));
        // ES256 inner with a correct signature, but the outer layer uses A128GCM.
        JWSObject good = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("tsp-signer").build(),
                new Payload(credentials));
        good.sign(new ECDSASigner(signer));
        JWEObject weakOuter = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A128GCM)
                .keyID(EC.getKeyID()).contentType("JWT").build(), new Payload(good));
        weakOuter.encrypt(new ECDHEncrypter(EC));
        fails(() -> opener.open(weakOuter.serialize()));
        assertArrayEquals(credentials, opener.open(nestedJwe(good)));
        assertGeneric();
    }

    @Test
    void signedCredentialsRefuseEveryMalformedOrAlteredInnerJws() throws Exception {
        ECKey signer = ec("tsp-signer");
        List<String> reasons = new ArrayList<>();
        SignedJweOpener opener = SignedJweOpener.of(new JWKSet(EC), new JWKSet(signer.toPublicJWK()))
                .withFailureListener(reasons::add);
        byte[] credentials = TOKEN.toPlaintext();
        JWSObject good = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("tsp-signer").build(),
                new Payload(credentials));
        good.sign(new ECDSASigner(signer));
        String[] parts = good.serialize().split("\\.");
        assertArrayEquals(credentials, opener.open(nestedJwe(good.serialize())));

        // A critical header parameter nobody understands, properly signed.
        JWSObject critical = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("tsp-signer")
                .criticalParams(java.util.Set.of("exp")).customParam("exp", 1).build(), new Payload(credentials));
        critical.sign(new ECDSASigner(signer));
        fails(() -> opener.open(nestedJwe(critical.serialize())));
        // One bit of the signature, of the payload, of the header.
        fails(() -> opener.open(nestedJwe(parts[0] + "." + parts[1] + "." + flipLast(parts[2]))));
        fails(() -> opener.open(nestedJwe(parts[0] + "." + flipLast(parts[1]) + "." + parts[2])));
        fails(() -> opener.open(nestedJwe(flipLast(parts[0]) + "." + parts[1] + "." + parts[2])));
        // The signature in DER (as the JCA gives it) instead of R || S; no signature; a fourth part.
        java.security.Signature der = java.security.Signature.getInstance("SHA256withECDSA");
        der.initSign(signer.toECPrivateKey());
        der.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String derSignature = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(der.sign());
        fails(() -> opener.open(nestedJwe(parts[0] + "." + parts[1] + "." + derSignature)));
        fails(() -> opener.open(nestedJwe(parts[0] + "." + parts[1] + ".")));
        fails(() -> opener.open(nestedJwe(good.serialize() + ".e30")));
        assertGeneric();
        assertEquals(List.of("signed JWE: the JWS has critical header parameters",
                "signed JWE: the signature does not verify",
                "signed JWE: the signature does not verify",
                "signed JWE: the content is not a compact JWS",
                "signed JWE: the signature does not verify",
                "signed JWE: the signature does not verify",
                "signed JWE: the content is not a compact JWS"), reasons);
    }

    @Test
    void ecdhEsHonoursPartyInfoAndRefusesCriticalHeadersAndOtherCurves() throws Exception {
        List<String> reasons = new ArrayList<>();
        JweOpener opener = JweOpener.ecdhEs(new JWKSet(EC)).withFailureListener(reasons::add);
        // apu and apv enter the Concat KDF: sealed by nimbus, opened here.
        assertEquals(TOKEN, opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .keyID(EC.getKeyID()).agreementPartyUInfo(Base64URL.encode("tsp"))
                .agreementPartyVInfo(Base64URL.encode("requestor")).build()), TokenData.TYPE));
        assertEquals(List.of(), reasons);

        fails(() -> opener.open(encryptEc(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .keyID(EC.getKeyID()).criticalParams(java.util.Set.of("exp")).customParam("exp", 1).build())));
        // A P-384 ephemeral key in an otherwise well-formed JWE.
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate().toPublicJWK();
        String header = Base64URL.encode("{\"alg\":\"ECDH-ES\",\"enc\":\"A256GCM\",\"kid\":\"" + EC.getKeyID()
                + "\",\"epk\":" + p384.toJSONString() + "}").toString();
        fails(() -> opener.open(header + ".." + Base64URL.encode(new byte[12]) + "." + Base64URL.encode(new byte[20])
                + "." + Base64URL.encode(new byte[16])));
        assertGeneric();
        assertEquals(List.of("JWE: the JWE has critical header parameters",
                "JWE: the ephemeral key is not an EC P-256 key"), reasons);
    }

    @Test
    void refusesUnfitKeys() {
        assertThrows(IllegalArgumentException.class,
                () -> JweSealer.ecdhEs(new ECKey.Builder(EC.toPublicJWK()).keyID(null).build()));
        assertThrows(IllegalArgumentException.class, () -> JweOpener.ecdhEs(new JWKSet(EC.toPublicJWK())));
        assertThrows(IllegalArgumentException.class, () -> JweOpener.ecdhEs(new JWKSet(RSA)));
    }

    private static String nestedJwe(JWSObject jws) throws Exception {
        return nestedJwe(jws.serialize());
    }

    private static String nestedJwe(String jws) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .keyID(EC.getKeyID()).contentType("JWT").build(), new Payload(jws));
        jwe.encrypt(new ECDHEncrypter(EC));
        return jwe.serialize();
    }

    private static String encryptEc(JWEHeader header) throws Exception {
        JWEObject jwe = new JWEObject(header, new Payload(TOKEN.toPlaintext()));
        jwe.encrypt(new ECDHEncrypter(EC));
        return jwe.serialize();
    }

    private void fails(org.junit.jupiter.api.function.Executable open) {
        failures.add(assertThrows(EnvelopeOpenException.class, open));
    }

    private void assertGeneric() {
        for (EnvelopeOpenException failure : failures) {
            assertEquals(EnvelopeOpenException.MESSAGE, failure.getMessage());
            assertNull(failure.getCause());
        }
    }

    private static String flipLast(String base64url) {
        char last = base64url.charAt(base64url.length() - 2);
        char replacement = last == 'A' ? 'B' : 'A';
        return base64url.substring(0, base64url.length() - 2) + replacement + base64url.charAt(base64url.length() - 1);
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
