package io.tokensdk.benchmarks;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.jwe.SignedJweOpener;
import io.tokensdk.crypto.jwe.SignedJweSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JWE opens of the specs against their floors: ECDH-ES + A256GCM token credentials (also against nimbus out of the
 * box), signed credentials (ES256 inside ECDH-ES), and the PAT account number (RSA-OAEP-256 + A256GCM). Floors use the
 * fastest provider on the classpath per primitive: ECDH and ECDSA on BouncyCastle, RSA and AES on the JDK.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JweBenchmark {
  static final byte[] TOKEN_DATA = "{\"dpan\":\"4895370012345678\",\"exp\":\"1229\"}".getBytes(StandardCharsets.UTF_8);
  static final byte[] ACCOUNT = "{\"accountNumber\":\"4111111111111111\"}".getBytes(StandardCharsets.UTF_8);
  private static final Provider BC = new BouncyCastleProvider();
  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

  private ECKey requestor;
  private ECKey signer;
  private RSAKey bank;
  private JweOpener credentials;
  private SignedJweOpener signedCredentials;
  private JweOpener accounts;
  private String credential;
  private String signedCredential;
  private String account;
  private PrivateKey requestorPrivate;
  private PublicKey signerPublic;
  private PrivateKey bankPrivate;
  private PublicKey credentialEphemeral;
  private PublicKey signedEphemeral;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    requestor = new ECKeyGenerator(Curve.P_256).keyID("requestor-1").generate();
    signer = new ECKeyGenerator(Curve.P_256).keyID("tsp-signer-1").generate();
    bank = new RSAKeyGenerator(2048).keyID("bank-1").generate();
    credentials = JweOpener.ecdhEs(new JWKSet(requestor));
    signedCredentials = SignedJweOpener.of(new JWKSet(requestor), new JWKSet(signer.toPublicJWK()));
    accounts = JweOpener.rsaOaep256(new JWKSet(bank));
    credential = JweSealer.ecdhEs(requestor.toPublicJWK()).seal(TOKEN_DATA);
    signedCredential = SignedJweSealer.of(signer, requestor.toPublicJWK()).seal(TOKEN_DATA);
    account = JweSealer.rsaOaep256(bank.toPublicJWK()).seal(ACCOUNT);
    // floor keys live on their provider already, as a tuned integration would keep them
    KeyFactory bcKeys = KeyFactory.getInstance("EC", BC);
    requestorPrivate = bcKeys.generatePrivate(new PKCS8EncodedKeySpec(requestor.toECPrivateKey().getEncoded()));
    signerPublic = bcKeys.generatePublic(new X509EncodedKeySpec(signer.toECPublicKey().getEncoded()));
    bankPrivate = bank.toPrivateKey();
    // the floor is the primitives only: the header's ephemeral key is read once here; the SDK reads the header
    // (its own strict parser) and builds and checks the point on every open
    credentialEphemeral = ephemeralKey(credential);
    signedEphemeral = ephemeralKey(signedCredential);
    check(sdk_ecdhOpen(), floor_ecdhOpen(), nimbus_ecdhOpen());
    check(sdk_signedOpen(), floor_signedOpen());
    if (!Arrays.equals(ACCOUNT, sdk_patOpen()) || !Arrays.equals(ACCOUNT, floor_patOpen())) {
      throw new IllegalStateException("PAT opens differ");
    }
  }

  private static void check(byte[]... opened) {
    for (byte[] plaintext : opened) {
      if (!Arrays.equals(TOKEN_DATA, plaintext)) {
        throw new IllegalStateException("the SDK and its baselines must open the same JWE");
      }
    }
  }

  @Benchmark
  public byte[] sdk_ecdhOpen() {
    return credentials.open(credential);
  }

  /** nimbus-jose-jwt as a user would call it: parse, a new decrypter, decrypt (on the JDK's default providers). */
  @Benchmark
  public byte[] nimbus_ecdhOpen() throws Exception {
    JWEObject jwe = JWEObject.parse(credential);
    jwe.decrypt(new ECDHDecrypter(requestor));
    return jwe.getPayload().toBytes();
  }

  @Benchmark
  public byte[] floor_ecdhOpen() throws Exception {
    return ecdhOpen(credential, credentialEphemeral);
  }

  @Benchmark
  public byte[] sdk_signedOpen() {
    return signedCredentials.open(signedCredential);
  }

  /** The outer ECDH-ES open, then an ES256 verify of the inner JWS on BouncyCastle. */
  @Benchmark
  public byte[] floor_signedOpen() throws Exception {
    String jws = new String(ecdhOpen(signedCredential, signedEphemeral), StandardCharsets.US_ASCII);
    int dot = jws.lastIndexOf('.');
    Signature verify = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
    verify.initVerify(signerPublic);
    verify.update(jws.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
    if (!verify.verify(B64URL.decode(jws.substring(dot + 1)))) {
      throw new IllegalStateException("bad signature");
    }
    return JWSObject.parse(jws).getPayload().toBytes();
  }

  @Benchmark
  public byte[] sdk_patOpen() {
    return accounts.open(account);
  }

  /** RSA-OAEP-256 unwrap of the content key and AES-256-GCM on the JDK. */
  @Benchmark
  public byte[] floor_patOpen() throws Exception {
    String[] parts = account.split("\\.");
    Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
    rsa.init(Cipher.DECRYPT_MODE, bankPrivate,
        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    byte[] contentKey = rsa.doFinal(B64URL.decode(parts[1]));
    return gcm(contentKey, parts);
  }

  /** ECDH on BouncyCastle with the header's ephemeral key, the JWA Concat KDF, AES-256-GCM on the JDK. */
  private byte[] ecdhOpen(String compact, PublicKey ephemeral) throws Exception {
    String[] parts = compact.split("\\.");
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH", BC);
    agreement.init(requestorPrivate);
    agreement.doPhase(ephemeral, true);
    byte[] shared = agreement.generateSecret();
    return gcm(concatKdf(shared, EncryptionMethod.A256GCM.getName()), parts);
  }

  private static PublicKey ephemeralKey(String compact) throws Exception {
    ECKey epk = (ECKey) JWEObject.parse(compact).getHeader().getEphemeralPublicKey();
    return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(epk.toECPublicKey().getEncoded()));
  }

  private static byte[] concatKdf(byte[] shared, String algorithmId) throws Exception {
    byte[] alg = algorithmId.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer otherInfo = ByteBuffer.allocate(4 + alg.length + 4 + 4 + 4);
    otherInfo.putInt(alg.length).put(alg).putInt(0).putInt(0).putInt(256);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update(new byte[] {0, 0, 0, 1});
    sha256.update(shared);
    sha256.update(otherInfo.array());
    return sha256.digest();
  }

  private static byte[] gcm(byte[] contentKey, String[] parts) throws Exception {
    byte[] iv = B64URL.decode(parts[2]);
    byte[] ciphertext = B64URL.decode(parts[3]);
    byte[] tag = B64URL.decode(parts[4]);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, iv));
    aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII));
    aes.update(ciphertext);
    return aes.doFinal(tag);
  }
}
