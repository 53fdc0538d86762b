package io.tokensdk.benchmarks;

import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CMS card-info envelopes (spec: {@code cipheredCardInfo}) against the floor: the same RSA key transport and AES-256-CBC
 * on the fastest providers on the classpath (RSA and AES on the JDK), with only the ASN.1 parsing any open needs.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CmsBenchmark {
  static final byte[] CARD_INFO =
      "{\"fpan\":\"4111111111111111\",\"exp\":\"1228\",\"cvv\":\"123\",\"cardholderName\":\"J DOE\"}"
          .getBytes(StandardCharsets.UTF_8);
  private static final OAEPParameterSpec OAEP_SHA256 =
      new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

  /** Key size and key transport. */
  @Param({"2048-OAEP", "2048-PKCS1", "4096-OAEP"})
  public String key;

  private KeyPair keyPair;
  private CmsEnvelopeSealer sealer;
  private CmsEnvelopeOpener opener;
  private String sealed;
  private boolean oaep;
  private final SecureRandom random = new SecureRandom();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] parts = key.split("-");
    oaep = parts[1].equals("OAEP");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(Integer.parseInt(parts[0]));
    keyPair = generator.generateKeyPair();
    HeldCertificate certificate = new HeldCertificate.Builder().keyPair(keyPair).commonName("card-info").build();
    CmsKeyTransport transport = oaep ? CmsKeyTransport.RSA_OAEP_SHA256 : CmsKeyTransport.RSA_PKCS1_V1_5;
    sealer = CmsEnvelopeSealer.forRecipient(certificate.certificate(), transport);
    opener = CmsEnvelopeOpener.forRecipient(keyPair.getPrivate(), certificate.certificate()).allowing(transport);
    sealed = sealer.seal(CARD_INFO);
    if (!Arrays.equals(CARD_INFO, floor_open()) || !Arrays.equals(CARD_INFO, sdk_open())) {
      throw new IllegalStateException("the floor and the SDK must open the same envelope");
    }
  }

  @Benchmark
  public byte[] sdk_open() {
    return opener.open(sealed);
  }

  /** RSA-decrypt the content key, AES-CBC-decrypt the content: what any CMS open must do. */
  @Benchmark
  public byte[] floor_open() throws Exception {
    EnvelopedData enveloped = EnvelopedData.getInstance(
        ContentInfo.getInstance(Base64.getDecoder().decode(sealed)).getContent());
    KeyTransRecipientInfo recipient = (KeyTransRecipientInfo) RecipientInfo.getInstance(
        enveloped.getRecipientInfos().getObjectAt(0)).getInfo();
    Cipher rsa = rsa();
    rsa.init(Cipher.DECRYPT_MODE, keyPair.getPrivate(), oaep ? OAEP_SHA256 : null);
    byte[] contentKey = rsa.doFinal(recipient.getEncryptedKey().getOctets());
    EncryptedContentInfo content = enveloped.getEncryptedContentInfo();
    byte[] iv = ASN1OctetString.getInstance(content.getContentEncryptionAlgorithm().getParameters()).getOctets();
    Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(iv));
    return aes.doFinal(content.getEncryptedContent().getOctets());
  }

  @Benchmark
  public String sdk_seal() {
    return sealer.seal(CARD_INFO);
  }

  /** A fresh AES-256 key and IV, AES-CBC-encrypt the content, RSA-encrypt the key. */
  @Benchmark
  public String floor_seal() throws Exception {
    byte[] contentKey = new byte[32];
    byte[] iv = new byte[16];
    random.nextBytes(contentKey);
    random.nextBytes(iv);
    Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
    aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new IvParameterSpec(iv));
    byte[] content = aes.doFinal(CARD_INFO);
    Cipher rsa = rsa();
    rsa.init(Cipher.ENCRYPT_MODE, keyPair.getPublic(), oaep ? OAEP_SHA256 : null);
    byte[] wrapped = rsa.doFinal(contentKey);
    byte[] all = new byte[wrapped.length + iv.length + content.length];
    System.arraycopy(wrapped, 0, all, 0, wrapped.length);
    System.arraycopy(iv, 0, all, wrapped.length, iv.length);
    System.arraycopy(content, 0, all, wrapped.length + iv.length, content.length);
    return Base64.getEncoder().encodeToString(all);
  }

  private Cipher rsa() throws Exception {
    return Cipher.getInstance(oaep ? "RSA/ECB/OAEPPadding" : "RSA/ECB/PKCS1Padding");
  }
}
