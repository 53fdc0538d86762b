package io.tokensdk.crypto.cms;

import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** The RSA key transport of the card-info envelope, chosen at onboarding. */
public enum CmsKeyTransport {
    /** RSAES-PKCS1-v1_5: the spec's legacy default when onboarding did not choose. */
    RSA_PKCS1_V1_5,
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256: recommended for new TSPs. */
    RSA_OAEP_SHA256;

    /** The content encryption of every envelope: AES-256-CBC, PKCS#7 padding. */
    static final String CONTENT_CIPHER = "AES/CBC/PKCS5Padding";

    /** The explicit OAEP parameters; never rely on a provider default (SunJCE defaults MGF1 to SHA-1). */
    static final OAEPParameterSpec OAEP_SHA256 =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    /**
     * Identifies the key transport of a recipient's key encryption algorithm.
     *
     * @return the transport, or {@code null} if it is neither PKCS#1 v1.5 nor OAEP with SHA-256/MGF1-SHA-256
     */
    static CmsKeyTransport of(AlgorithmIdentifier keyEncryptionAlgorithm) {
        ASN1ObjectIdentifier oid = keyEncryptionAlgorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return RSA_PKCS1_V1_5;
        }
        if (PKCSObjectIdentifiers.id_RSAES_OAEP.equals(oid) && keyEncryptionAlgorithm.getParameters() != null) {
            RSAESOAEPparams params = RSAESOAEPparams.getInstance(keyEncryptionAlgorithm.getParameters());
            boolean sha256 = NISTObjectIdentifiers.id_sha256.equals(params.getHashAlgorithm().getAlgorithm());
            AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
            boolean mgf1Sha256 = PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                    && NISTObjectIdentifiers.id_sha256.equals(
                            AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm());
            boolean emptyLabel = PKCSObjectIdentifiers.id_pSpecified.equals(params.getPSourceAlgorithm().getAlgorithm())
                    && org.bouncycastle.asn1.ASN1OctetString.getInstance(params.getPSourceAlgorithm().getParameters())
                            .getOctets().length == 0;
            return sha256 && mgf1Sha256 && emptyLabel ? RSA_OAEP_SHA256 : null;
        }
        return null;
    }
}
