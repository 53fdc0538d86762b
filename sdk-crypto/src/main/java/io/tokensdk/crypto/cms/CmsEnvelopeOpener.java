package io.tokensdk.crypto.cms;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.OpenFailureListener;
import io.tokensdk.crypto.internal.Base64s;
import io.tokensdk.crypto.internal.JdkKeys;
import io.tokensdk.crypto.internal.OpenFailure;
import io.tokensdk.crypto.internal.RsaKeySizes;
import io.tokensdk.crypto.keys.KeyAndCertificate;
import io.tokensdk.crypto.keys.KeyPairs;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.KeyTransRecipientId;

/**
 * Opens a card-info envelope with the TSP's RSA private key and its certificate.
 *
 * <p>The envelope must be an {@code envelopedData} whose encrypted content is {@code id-data}, encrypted with
 * AES-256-CBC; the key is taken only from the {@code RecipientInfo} that names the configured certificate, by issuer
 * and serial number or by subject key identifier, and only with an allowed {@link CmsKeyTransport} (both by default).
 * Other recipients are tried only after {@link #tryingEveryRecipient()}. Every failure, whatever its cause, throws the
 * same {@link EnvelopeOpenException}; the reason goes to the {@link OpenFailureListener}. Immutable and thread-safe.
 *
 * <p>RSAES-PKCS1-v1_5 key transport uses implicit rejection: a wrapped key with bad padding is replaced by a
 * pseudo-random one instead of failing at once, so neither the error nor its timing tells a padding oracle attacker
 * (Bleichenbacher) which step failed.
 *
 * <p>CBC content encryption carries no integrity protection (a limitation of the spec's format): open card data with
 * {@link #open(String, io.tokensdk.crypto.payload.PayloadType)}, whose strict payload check catches what CBC cannot.
 */
public final class CmsEnvelopeOpener implements EnvelopeOpener {
    private final PrivateKey privateKey;
    private final X509CertificateHolder certificate;
    private final boolean everyRecipient;
    private final Set<CmsKeyTransport> allowedTransports;
    private final Pkcs1ImplicitRejection pkcs1;
    private final ImplicitRejectionRecipient keyTransportRecipient;
    private final OpenFailureListener listener;

    private CmsEnvelopeOpener(PrivateKey privateKey, X509CertificateHolder certificate, boolean everyRecipient,
            Set<CmsKeyTransport> allowedTransports, Pkcs1ImplicitRejection pkcs1, OpenFailureListener listener) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.everyRecipient = everyRecipient;
        this.allowedTransports = Set.copyOf(allowedTransports);
        this.pkcs1 = pkcs1;
        this.keyTransportRecipient = new ImplicitRejectionRecipient(privateKey, pkcs1);
        this.listener = Objects.requireNonNull(listener, "listener");
        if (this.allowedTransports.isEmpty()) {
            throw new IllegalArgumentException("at least one key transport must be allowed");
        }
    }

    /**
     * Creates an opener that accepts both key transports and only the recipient that names the certificate.
     *
     * @param privateKey the TSP's 2048- or 4096-bit RSA private key
     * @param certificate the certificate of that key, as given to the sender at onboarding
     * @return the opener
     * @throws IllegalArgumentException if the key is not RSA 2048 or 4096 or does not belong to the certificate
     */
    public static CmsEnvelopeOpener forRecipient(PrivateKey privateKey, X509Certificate certificate) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        RsaKeySizes.require(privateKey, 2048, 4096);
        if (!KeyPairs.matches(certificate.getPublicKey(), privateKey)) {
            throw new IllegalArgumentException("the private key does not belong to the certificate");
        }
        X509CertificateHolder holder;
        try {
            holder = new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded");
        }
        byte[] rejectionSecret = new byte[32];
        new SecureRandom().nextBytes(rejectionSecret);
        PrivateKey jdkKey = JdkKeys.rsaPrivate(privateKey);
        return new CmsEnvelopeOpener(jdkKey, holder, false, EnumSet.allOf(CmsKeyTransport.class),
                new Pkcs1ImplicitRejection(jdkKey, rejectionSecret), OpenFailureListener.NONE);
    }

    /**
     * Creates an opener from a key and its certificate, for example a PKCS#12 entry.
     *
     * @param identity the TSP's key and certificate
     * @return the opener
     * @throws IllegalArgumentException if the key is not RSA 2048 or 4096 or does not belong to the certificate
     */
    public static CmsEnvelopeOpener forRecipient(KeyAndCertificate identity) {
        Objects.requireNonNull(identity, "identity");
        return forRecipient(identity.privateKey(), identity.certificate());
    }

    /**
     * Returns an opener that accepts only the given key transports, for example only OAEP for a TSP that refuses the
     * legacy PKCS#1 v1.5.
     *
     * @param first an allowed transport
     * @param others further allowed transports
     * @return a new opener with the same key
     */
    public CmsEnvelopeOpener allowing(CmsKeyTransport first, CmsKeyTransport... others) {
        return new CmsEnvelopeOpener(privateKey, certificate, everyRecipient, EnumSet.of(first, others), pkcs1,
                listener);
    }

    /**
     * Returns an opener that, after the recipient naming the certificate, tries its key on every other key-transport
     * recipient too: for senders that identify the recipient wrongly. Leave it off otherwise: with PKCS#1 v1.5, a
     * key tried on another recipient's wrapped key now and then yields wrong plaintext instead of an error.
     *
     * @return a new opener with the same key
     */
    public CmsEnvelopeOpener tryingEveryRecipient() {
        return new CmsEnvelopeOpener(privateKey, certificate, true, allowedTransports, pkcs1, listener);
    }

    /**
     * Returns an opener that reports the reason of each failure to the listener.
     *
     * @param failureListener receives the reasons; never given plaintext or key material
     * @return a new opener with the same key
     */
    public CmsEnvelopeOpener withFailureListener(OpenFailureListener failureListener) {
        return new CmsEnvelopeOpener(privateKey, certificate, everyRecipient, allowedTransports, pkcs1,
                Objects.requireNonNull(failureListener, "failureListener"));
    }

    @Override
    public OpenFailureListener failureListener() {
        return listener;
    }

    /**
     * Opens an envelope to raw bytes. Neither CBC nor PKCS#1 v1.5 with implicit rejection can always tell tampered data
     * from good data at this level; open card data with {@link #open(String, io.tokensdk.crypto.payload.PayloadType)}.
     *
     * @param sealed base64 of the DER (or BER) ContentInfo holding the EnvelopedData
     * @return the plaintext bytes
     * @throws EnvelopeOpenException if the envelope cannot be opened
     */
    @Override
    public byte[] open(String sealed) {
        try {
            EnvelopedData enveloped = parse(sealed);
            EncryptedContentInfo content = enveloped.getEncryptedContentInfo();
            if (content.getEncryptedContent() == null) {
                throw new OpenFailure("no encrypted content");
            }
            byte[] ciphertext = content.getEncryptedContent().getOctets();
            for (KeyTransRecipientInfo recipient : candidates(enveloped)) {
                byte[] plaintext = decrypt(recipient, content.getContentEncryptionAlgorithm(), ciphertext);
                if (plaintext != null) {
                    return plaintext;
                }
            }
            // One reason for a failed key transport and a failed content padding: they must look the same.
            throw new OpenFailure("decryption failed (key transport or content padding)");
        } catch (Exception e) {
            throw OpenFailure.report(listener, "CMS", e);
        }
    }

    private static EnvelopedData parse(String sealed) {
        if (sealed == null) {
            throw new OpenFailure("no envelope");
        }
        if (sealed.length() > CmsEnvelopeSealer.MAX_SEALED_LENGTH) {
            throw new OpenFailure("longer than the spec's maxLength");
        }
        ContentInfo contentInfo;
        try {
            contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(Base64s.decodeLenientWhitespace(sealed)));
        } catch (Exception e) {
            throw new OpenFailure("not base64 of a CMS ContentInfo");
        }
        if (!CMSObjectIdentifiers.envelopedData.equals(contentInfo.getContentType())) {
            throw new OpenFailure("content type is not envelopedData");
        }
        EnvelopedData data = EnvelopedData.getInstance(contentInfo.getContent());
        EncryptedContentInfo content = data.getEncryptedContentInfo();
        if (!CMSObjectIdentifiers.data.equals(content.getContentType())) {
            throw new OpenFailure("encrypted content type is not id-data");
        }
        if (!CMSAlgorithm.AES256_CBC.equals(content.getContentEncryptionAlgorithm().getAlgorithm())) {
            throw new OpenFailure("content encryption is not AES-256-CBC");
        }
        return data;
    }

    /**
     * The key-transport recipients to try, each with an allowed transport: the one naming the certificate first; the
     * others only when asked for.
     */
    private List<KeyTransRecipientInfo> candidates(EnvelopedData enveloped) {
        List<KeyTransRecipientInfo> matching = new ArrayList<>();
        List<KeyTransRecipientInfo> others = new ArrayList<>();
        for (ASN1Encodable element : enveloped.getRecipientInfos()) {
            if (!(RecipientInfo.getInstance(element).getInfo() instanceof KeyTransRecipientInfo recipient)) {
                continue;
            }
            (idOf(recipient).match(certificate) ? matching : others).add(recipient);
        }
        if (matching.isEmpty() && !everyRecipient) {
            throw new OpenFailure("no RecipientInfo names the configured certificate");
        }
        if (matching.size() > 1) {
            throw new OpenFailure("several RecipientInfos name the configured certificate");
        }
        if (everyRecipient) {
            matching.addAll(others);
        }
        matching.removeIf(recipient -> !allowed(recipient));
        if (matching.isEmpty()) {
            throw new OpenFailure("the key transport is not an allowed one");
        }
        return matching;
    }

    /** The recipient's identifier as BouncyCastle matches it: by subject key identifier or issuer and serial number. */
    private static KeyTransRecipientId idOf(KeyTransRecipientInfo recipient) {
        RecipientIdentifier rid = recipient.getRecipientIdentifier();
        if (rid.isTagged()) {
            return new KeyTransRecipientId(ASN1OctetString.getInstance(rid.getId()).getOctets());
        }
        IssuerAndSerialNumber issuerAndSerial = IssuerAndSerialNumber.getInstance(rid.getId());
        return new KeyTransRecipientId(issuerAndSerial.getName(), issuerAndSerial.getSerialNumber().getValue());
    }

    private boolean allowed(KeyTransRecipientInfo recipient) {
        CmsKeyTransport transport = CmsKeyTransport.of(recipient.getKeyEncryptionAlgorithm());
        return transport != null && allowedTransports.contains(transport);
    }

    /** The plaintext, or null if decryption fails. */
    private byte[] decrypt(KeyTransRecipientInfo candidate, AlgorithmIdentifier contentEncryptionAlgorithm,
            byte[] ciphertext) {
        try {
            return keyTransportRecipient.decrypt(candidate.getKeyEncryptionAlgorithm(),
                    candidate.getEncryptedKey().getOctets(), contentEncryptionAlgorithm, ciphertext);
        } catch (Exception e) {
            return null;
        }
    }
}
