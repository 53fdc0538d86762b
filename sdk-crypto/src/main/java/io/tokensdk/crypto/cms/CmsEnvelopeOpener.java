package io.tokensdk.crypto.cms;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.internal.Base64s;
import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.internal.RsaKeySizes;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;

/**
 * Opens a card-info envelope with the TSP's RSA private key.
 *
 * <p>Only AES-256-CBC content encryption and the allowed {@link CmsKeyTransport}s (both by default) are accepted.
 * Every failure, whatever its cause, throws the same {@link EnvelopeOpenException}. Immutable and thread-safe.
 * When the envelope has several recipients, each key-transport recipient is tried with the key in turn.
 *
 * <p>RSAES-PKCS1-v1_5 key transport uses implicit rejection: a wrapped key with bad padding is replaced by a
 * pseudo-random one instead of failing at once, so neither the error nor its timing tells a padding oracle attacker
 * (Bleichenbacher) which step failed.
 *
 * <p>CBC content encryption carries no integrity protection (a limitation of the spec's format): after a successful
 * decryption the payload is validated and a malformed one raises
 * {@link io.tokensdk.crypto.InvalidPayloadException}.
 */
public final class CmsEnvelopeOpener implements EnvelopeOpener {
    private final PrivateKey privateKey;
    private final Set<CmsKeyTransport> allowedTransports;
    private final Pkcs1ImplicitRejection pkcs1;

    private CmsEnvelopeOpener(PrivateKey privateKey, Set<CmsKeyTransport> allowedTransports) {
        RsaKeySizes.require(privateKey, 2048, 4096);
        this.privateKey = privateKey;
        byte[] rejectionSecret = new byte[32];
        new SecureRandom().nextBytes(rejectionSecret);
        this.pkcs1 = new Pkcs1ImplicitRejection(privateKey, rejectionSecret);
        this.allowedTransports = Set.copyOf(allowedTransports);
        if (this.allowedTransports.isEmpty()) {
            throw new IllegalArgumentException("at least one key transport must be allowed");
        }
    }

    /**
     * Creates an opener that accepts both key transports.
     *
     * @param privateKey the TSP's 2048- or 4096-bit RSA private key
     * @return the opener
     */
    public static CmsEnvelopeOpener forKey(PrivateKey privateKey) {
        return new CmsEnvelopeOpener(privateKey, EnumSet.allOf(CmsKeyTransport.class));
    }

    /**
     * Returns an opener that accepts only the given key transports, for example only the one agreed at onboarding.
     *
     * @param first an allowed transport
     * @param others further allowed transports
     * @return a new opener with the same key
     */
    public CmsEnvelopeOpener allowing(CmsKeyTransport first, CmsKeyTransport... others) {
        return new CmsEnvelopeOpener(privateKey, EnumSet.of(first, others));
    }

    /**
     * Opens an envelope to raw bytes. Neither CBC nor PKCS#1 v1.5 with implicit rejection can always tell tampered data
     * from good data at this level (now and then tampering yields garbage instead of an error); prefer
     * {@link #open(String, io.tokensdk.crypto.payload.PayloadType)}, whose payload check catches it.
     *
     * @param sealed base64 of the DER (or BER) EnvelopedData
     * @return the plaintext bytes
     * @throws EnvelopeOpenException if the envelope cannot be opened
     */
    @Override
    public byte[] open(String sealed) {
        try {
            if (sealed == null || sealed.length() > CmsEnvelopeSealer.MAX_SEALED_LENGTH) {
                throw new EnvelopeOpenException();
            }
            CMSEnvelopedData enveloped = new CMSEnvelopedData(Base64s.decodeLenientWhitespace(sealed));
            if (!CMSAlgorithm.AES256_CBC.getId().equals(enveloped.getEncryptionAlgOID())) {
                throw new EnvelopeOpenException();
            }
            for (RecipientInformation recipient : enveloped.getRecipientInfos().getRecipients()) {
                byte[] plaintext = tryRecipient(recipient);
                if (plaintext != null) {
                    return plaintext;
                }
            }
            throw new EnvelopeOpenException();
        } catch (Exception e) {
            // Deliberately swallowed: the cause would distinguish PKCS#1, CBC padding and key errors.
            throw new EnvelopeOpenException();
        }
    }

    /** Decrypts for one RecipientInfo; null if it is not an allowed key transport or not for this key. */
    private byte[] tryRecipient(RecipientInformation recipient) {
        if (!(recipient instanceof KeyTransRecipientInformation)) {
            return null;
        }
        CmsKeyTransport transport = CmsKeyTransport.of(recipient.getKeyEncryptionAlgorithm());
        if (transport == null || !allowedTransports.contains(transport)) {
            return null;
        }
        try {
            return recipient.getContent(new ImplicitRejectionRecipient(privateKey, pkcs1).setProvider(Bc.provider()));
        } catch (Exception e) {
            return null;
        }
    }
}
