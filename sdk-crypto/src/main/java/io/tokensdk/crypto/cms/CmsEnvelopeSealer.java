package io.tokensdk.crypto.cms;

import io.tokensdk.crypto.EnvelopeSealException;
import io.tokensdk.crypto.EnvelopeSealer;
import io.tokensdk.crypto.internal.RsaKeySizes;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Seals card info into a CMS EnvelopedData for one recipient certificate: AES-256-CBC with a fresh random key, the
 * key transported with the chosen {@link CmsKeyTransport}, encoded as DER and then standard base64.
 *
 * <p>Immutable and thread-safe. A sealed value longer than {@value #MAX_SEALED_LENGTH} characters (the spec's
 * maxLength) is refused with an {@link EnvelopeSealException}.
 */
public final class CmsEnvelopeSealer implements EnvelopeSealer {
    /** The spec's maxLength of {@code cipheredCardInfo} and its siblings. */
    public static final int MAX_SEALED_LENGTH = 8196;

    private final X509Certificate recipient;
    private final CmsKeyTransport keyTransport;
    private final boolean checked;
    private final SecureRandom random;
    private final JceKeyTransRecipientInfoGenerator recipientInfo;

    private CmsEnvelopeSealer(X509Certificate recipient, CmsKeyTransport keyTransport, boolean checked,
            SecureRandom random) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.keyTransport = Objects.requireNonNull(keyTransport, "keyTransport");
        this.checked = checked;
        this.random = Objects.requireNonNull(random, "random");
        RsaKeySizes.require(recipient.getPublicKey(), 2048, 4096);
        if (checked) {
            RecipientCertificates.requireUsable(recipient, new Date(), IllegalArgumentException::new);
        }
        this.recipientInfo = recipientInfoGenerator(recipient, keyTransport);
    }

    /**
     * Creates a sealer that checks the certificate now and at every seal: it must be within its validity period and,
     * if it has a key usage extension, allow key encipherment.
     *
     * @param recipient the TSP certificate from onboarding, with a 2048- or 4096-bit RSA key
     * @param keyTransport the key transport agreed at onboarding
     * @return the sealer
     * @throws IllegalArgumentException if the certificate's key is not RSA 2048 or 4096, or the certificate is expired,
     *     not yet valid, or not for key encipherment
     */
    public static CmsEnvelopeSealer forRecipient(X509Certificate recipient, CmsKeyTransport keyTransport) {
        return new CmsEnvelopeSealer(recipient, keyTransport, true, new SecureRandom());
    }

    /**
     * Creates a sealer that skips the validity period and key usage checks, for a peer whose certificate is known to
     * break them (the RSA key size is still checked). Prefer {@link #forRecipient}.
     *
     * @param recipient the TSP certificate from onboarding, with a 2048- or 4096-bit RSA key
     * @param keyTransport the key transport agreed at onboarding
     * @return the sealer
     * @throws IllegalArgumentException if the certificate's key is not RSA 2048 or 4096
     */
    public static CmsEnvelopeSealer forUncheckedRecipient(X509Certificate recipient, CmsKeyTransport keyTransport) {
        return new CmsEnvelopeSealer(recipient, keyTransport, false, new SecureRandom());
    }

    /**
     * Returns a sealer that draws its content keys and IVs from the given source (for tests).
     *
     * @param random the random source
     * @return a new sealer with the same recipient, key transport and checks
     */
    public CmsEnvelopeSealer withSecureRandom(SecureRandom random) {
        return new CmsEnvelopeSealer(recipient, keyTransport, checked, random);
    }

    /**
     * Seals raw plaintext bytes.
     *
     * @param plaintext the bytes to seal
     * @return base64 of the DER EnvelopedData
     * @throws EnvelopeSealException if sealing fails, the result exceeds {@value #MAX_SEALED_LENGTH} characters, or
     *     the checked certificate has expired since the sealer was made
     */
    @Override
    public String seal(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (checked) {
            RecipientCertificates.requireUsable(recipient, new Date(), EnvelopeSealException::new);
        }
        byte[] der;
        try {
            // The envelope generator collects state, so each call builds its own; the recipient info generator only
            // wraps the content key with a new Cipher per call and is shared.
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(recipientInfo);
            CMSEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(plaintext),
                    AesCbcContentEncryptor.fresh(random));
            // BC encodes BER (indefinite lengths) by default; the spec's consumers expect DER.
            der = enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CMSException | java.io.IOException | java.security.GeneralSecurityException e) {
            throw new EnvelopeSealException("CMS envelope could not be sealed", e);
        }
        String sealed = Base64.getEncoder().encodeToString(der);
        if (sealed.length() > MAX_SEALED_LENGTH) {
            throw new EnvelopeSealException("sealed value is " + sealed.length()
                    + " characters, more than the spec's maxLength of " + MAX_SEALED_LENGTH
                    + "; the payload (" + plaintext.length + " bytes) is too large");
        }
        return sealed;
    }

    /**
     * The recipient's RecipientInfo generator, built once: the certificate is parsed here, not per seal, and the key is
     * wrapped by the JDK's RSA (SunJCE) with explicit OAEP parameters.
     */
    private static JceKeyTransRecipientInfoGenerator recipientInfoGenerator(X509Certificate recipient,
            CmsKeyTransport keyTransport) {
        try {
            if (keyTransport == CmsKeyTransport.RSA_OAEP_SHA256) {
                AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter()
                        .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, CmsKeyTransport.OAEP_SHA256);
                return new JceKeyTransRecipientInfoGenerator(recipient, oaep);
            }
            return new JceKeyTransRecipientInfoGenerator(recipient);
        } catch (CertificateEncodingException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalArgumentException("the recipient certificate cannot be used: " + e.getClass().getSimpleName());
        }
    }
}
