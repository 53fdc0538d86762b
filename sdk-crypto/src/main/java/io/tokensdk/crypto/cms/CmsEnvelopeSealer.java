package io.tokensdk.crypto.cms;

import io.tokensdk.crypto.EnvelopeSealException;
import io.tokensdk.crypto.EnvelopeSealer;
import io.tokensdk.crypto.internal.JdkKeys;
import io.tokensdk.crypto.internal.RsaKeySizes;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;

/**
 * Seals card info into a CMS EnvelopedData for one recipient certificate: AES-256-CBC with a fresh random key, the
 * key transported with the chosen {@link CmsKeyTransport}, encoded as DER and then standard base64. RSA and AES run on
 * the providers the JCA chose for them when the sealer was made (SunJCE by default); the DER is written directly, the
 * certificate's parts of it encoded once per sealer.
 *
 * <p>Immutable and thread-safe. A sealed value longer than {@value #MAX_SEALED_LENGTH} characters (the spec's
 * maxLength) is refused with an {@link EnvelopeSealException}.
 */
public final class CmsEnvelopeSealer implements EnvelopeSealer {
    /** The spec's maxLength of {@code cipheredCardInfo} and its siblings. */
    public static final int MAX_SEALED_LENGTH = 8196;

    private static final int CONTENT_KEY_BYTES = 32;

    private final X509Certificate recipient;
    private final CmsKeyTransport keyTransport;
    private final boolean checked;
    private final SecureRandom random;
    private final PublicKey recipientKey;
    private final PinnedCipher keyTransportCipher;
    private final PinnedCipher contentCipher;
    private final EnvelopedDataWriter writer;

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
        this.recipientKey = JdkKeys.rsaPublic(recipient.getPublicKey());
        this.keyTransportCipher = keyTransport == CmsKeyTransport.RSA_OAEP_SHA256
                ? PinnedCipher.forKey("RSA/ECB/OAEPPadding", Cipher.ENCRYPT_MODE, recipientKey, CmsKeyTransport.OAEP_SHA256)
                : PinnedCipher.forKey("RSA/ECB/PKCS1Padding", Cipher.ENCRYPT_MODE, recipientKey, null);
        this.contentCipher = PinnedCipher.firstProvider(CmsKeyTransport.CONTENT_CIPHER);
        try {
            this.writer = new EnvelopedDataWriter(recipient, keyEncryptionAlgorithm(keyTransport));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the recipient certificate cannot be used: " + e.getClass().getSimpleName());
        }
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
     * Returns a sealer that draws all its randomness (content keys, IVs and the RSA padding) from {@code random}: for a
     * deterministic source in tests and known-answer vectors, or a DRBG of the application's choice. Never seal real
     * card data with a predictable source.
     *
     * @param random the random source
     * @return a new sealer with the same recipient, key transport and checks
     */
    public CmsEnvelopeSealer withSecureRandom(SecureRandom random) {
        return new CmsEnvelopeSealer(recipient, keyTransport, checked, Objects.requireNonNull(random, "random"));
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
        byte[] keyAndIv = new byte[CONTENT_KEY_BYTES + EnvelopedDataWriter.IV_BYTES];
        try {
            random.nextBytes(keyAndIv);
            byte[] iv = Arrays.copyOfRange(keyAndIv, CONTENT_KEY_BYTES, keyAndIv.length);
            Cipher content = contentCipher.newCipher();
            content.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndIv, 0, CONTENT_KEY_BYTES, "AES"),
                    new IvParameterSpec(iv));
            byte[] ciphertext = content.doFinal(plaintext);
            Cipher keyCipher = keyTransportCipher.newCipher();
            initKeyTransport(keyCipher);
            byte[] encryptedKey = keyCipher.doFinal(keyAndIv, 0, CONTENT_KEY_BYTES);
            der = writer.write(encryptedKey, iv, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new EnvelopeSealException("CMS envelope could not be sealed", e);
        } finally {
            Arrays.fill(keyAndIv, (byte) 0);
        }
        int sealedLength = (der.length + 2) / 3 * 4;
        if (sealedLength > MAX_SEALED_LENGTH) {
            throw new EnvelopeSealException("sealed value is " + sealedLength
                    + " characters, more than the spec's maxLength of " + MAX_SEALED_LENGTH
                    + "; the payload (" + plaintext.length + " bytes) is too large");
        }
        return Base64.getEncoder().encodeToString(der);
    }

    private void initKeyTransport(Cipher cipher) throws GeneralSecurityException {
        if (keyTransport == CmsKeyTransport.RSA_OAEP_SHA256) {
            cipher.init(Cipher.ENCRYPT_MODE, recipientKey, CmsKeyTransport.OAEP_SHA256, random);
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, recipientKey, random);
        }
    }

    /** The keyEncryptionAlgorithm of the RecipientInfo, with the OAEP parameters spelt out. */
    private static AlgorithmIdentifier keyEncryptionAlgorithm(CmsKeyTransport keyTransport)
            throws java.security.InvalidAlgorithmParameterException {
        if (keyTransport == CmsKeyTransport.RSA_OAEP_SHA256) {
            return new JcaAlgorithmParametersConverter()
                    .getAlgorithmIdentifier(PKCSObjectIdentifiers.id_RSAES_OAEP, CmsKeyTransport.OAEP_SHA256);
        }
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
    }
}
