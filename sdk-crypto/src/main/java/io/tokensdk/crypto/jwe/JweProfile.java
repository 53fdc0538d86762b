package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.internal.OpenFailure;

/** The algorithm whitelist and key handling of one kind of JWE envelope. */
enum JweProfile {
    /** Token credentials: ECDH-ES + A256GCM on P-256. */
    ECDH_ES_A256GCM(JWEAlgorithm.ECDH_ES, null),
    /** The outer layer of signed credentials: ECDH-ES + A256GCM on P-256, {@code cty: JWT}. */
    ECDH_ES_A256GCM_NESTED_JWT(JWEAlgorithm.ECDH_ES, "JWT"),
    /** The PAT real account number: RSA-OAEP-256 + A256GCM. */
    RSA_OAEP_256_A256GCM(JWEAlgorithm.RSA_OAEP_256, null);

    static final EncryptionMethod ENC = EncryptionMethod.A256GCM;

    private final JWEAlgorithm alg;
    private final String contentType;

    JweProfile(JWEAlgorithm alg, String contentType) {
        this.alg = alg;
        this.contentType = contentType;
    }

    boolean isEc() {
        return alg.equals(JWEAlgorithm.ECDH_ES);
    }

    JWEHeader header(String kid) {
        return new JWEHeader.Builder(alg, ENC).keyID(kid).contentType(contentType).build();
    }

    /**
     * Reads the protected header and accepts exactly this profile's members: for ECDH-ES with the strict
     * {@link EcdhEsHeaderReader}, for RSA-OAEP-256 with nimbus (which the decryption uses again).
     */
    JweHeader readHeader(CompactJwe jwe) {
        if (isEc()) {
            byte[] json = jwe.decode(CompactJwe.HEADER);
            EcdhEsHeaderReader header = EcdhEsHeaderReader.read(json);
            requireAccepted(header.alg(), header.enc(), false, header.kid(), header.cty());
            return header.header();
        }
        JWEHeader header;
        try {
            header = JWEHeader.parse(new Base64URL(jwe.part(CompactJwe.HEADER)));
        } catch (java.text.ParseException e) {
            throw new OpenFailure("the header cannot be parsed");
        }
        requireAccepted(header.getAlgorithm().getName(), header.getEncryptionMethod().getName(),
                header.getCompressionAlgorithm() != null, header.getKeyID(),
                header.getContentType() == null ? null : header.getContentType().toString());
        return JweHeader.keyTransport(header.getKeyID());
    }

    /** Accepts exactly this profile's alg, enc and cty, no zip, and a kid; the failure names the broken rule. */
    private void requireAccepted(String algName, String encName, boolean zip, String kid, String cty) {
        // A plain profile tolerates a descriptive cty from other implementations, but never a nested JWT.
        boolean contentTypeMatches = contentType == null
                ? cty == null || !"JWT".equalsIgnoreCase(cty)
                : contentType.equalsIgnoreCase(cty);
        if (!alg.getName().equals(algName)) {
            throw new OpenFailure("alg is not " + alg);
        }
        if (!ENC.getName().equals(encName)) {
            throw new OpenFailure("enc is not " + ENC);
        }
        if (zip) {
            throw new OpenFailure("zip is not allowed");
        }
        if (kid == null) {
            throw new OpenFailure("no kid");
        }
        if (!contentTypeMatches) {
            throw new OpenFailure(contentType == null ? "cty JWT where a plain JWE is expected" : "cty is not " + contentType);
        }
    }

    /** Checks a recipient's public JWK and returns it. */
    JWK requireRecipient(JWK key) {
        if (key.getKeyID() == null) {
            throw new IllegalArgumentException("the recipient JWK needs a kid");
        }
        if (!usable(key)) {
            throw new IllegalArgumentException("recipient JWK '" + key.getKeyID() + "' does not fit " + alg
                    + (isEc() ? " (an EC P-256 key is required)" : " (an RSA key of at least 2048 bits is required)"));
        }
        return key.toPublicJWK();
    }

    /** True if the key has the type and size this profile needs. */
    boolean usable(JWK key) {
        if (isEc()) {
            return key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
        }
        return key instanceof RSAKey rsa && rsa.size() >= 2048;
    }

    /** ECDH on BouncyCastle (SunEC is several times slower on JDK 17); RSA and AES-GCM on the JDK (SunJCE). */
    JWEEncrypter encrypter(JWK recipient) throws JOSEException {
        if (isEc()) {
            ECDHEncrypter encrypter = new ECDHEncrypter((ECKey) recipient);
            encrypter.getJCAContext().setKeyEncryptionProvider(Bc.provider());
            return encrypter;
        }
        return new RSAEncrypter((RSAKey) recipient);
    }

    /**
     * As {@link #encrypter}: ECDH-ES made directly (ECDH on BouncyCastle, the private key converted once), RSA-OAEP-256
     * by nimbus (explicit OAEP parameters) on SunJCE; AES-GCM on SunJCE.
     */
    JweDecryption decrypter(JWK privateKey) throws JOSEException {
        if (isEc()) {
            return EcdhEsDecrypter.of(privateKey);
        }
        return new NimbusDecryption(new RSADecrypter((RSAKey) privateKey));
    }
}
