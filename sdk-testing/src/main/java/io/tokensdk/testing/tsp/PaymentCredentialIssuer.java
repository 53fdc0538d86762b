package io.tokensdk.testing.tsp;

import io.tokensdk.crypto.jwe.SignedJweSealer;
import io.tokensdk.crypto.raw.Kcv;
import io.tokensdk.crypto.raw.RawEncryptedData;
import io.tokensdk.crypto.raw.RawSealer;
import io.tokensdk.crypto.raw.RawWireParams;
import io.tokensdk.model.tsp.EncPaymentCredData;
import io.tokensdk.model.tsp.PaymentCredAttr;
import io.tokensdk.model.tsp.PaymentCredStatus;
import io.tokensdk.model.tsp.PaymentCredsDataItem;
import io.tokensdk.model.tsp.ReplenishTokenRes;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Issues fresh payment credentials (random 16-byte session keys) for replenishment. A LUK is sent RAW (AES-CBC with ISO
 * 7816-4 padding under the KEK); an SUK as a signed JWE (ES256 inside ECDH-ES/A256GCM) to the token requestor. That split
 * is the sample's choice: the spec allows either encoding for either type. Thread-safe.
 */
final class PaymentCredentialIssuer {
  /** The length of one issued payment credential. */
  public static final int CREDENTIAL_BYTES = 16;
  private final TspKeys keys;
  private final RawSealer raw;
  private final SignedJweSealer signedJwe;
  private final SecureRandom random = new SecureRandom();

  /** An issuer with the TSP's keys. */
  public PaymentCredentialIssuer(TspKeys keys) {
    this.keys = keys;
    this.raw = RawSealer.builder(keys.kek()).keyId(keys.kekLabel()).build();
    this.signedJwe = SignedJweSealer.of(keys.signingKey(), keys.credentialsRecipient());
  }

  /** One new credential of the type of {@code status}, with the diversifier that follows the one in use. */
  public PaymentCredsDataItem issue(PaymentCredStatus status, String atc) {
    PaymentCredAttr attr = new PaymentCredAttr().type(status.getPaymentCredAttr().getType());
    boolean luk = attr.getType() == PaymentCredAttr.TypeEnum.LUK;
    byte[] credential = new byte[CREDENTIAL_BYTES];
    random.nextBytes(credential);
    EncPaymentCredData data = luk ? rawData(credential)
        : new EncPaymentCredData().encType(EncPaymentCredData.EncTypeEnum.JWE).encData(signedJwe.seal(credential));
    java.util.Arrays.fill(credential, (byte) 0);
    return new PaymentCredsDataItem().encPaymentCredData(data).paymentCredAttr(attr)
        .diversifiers(List.of(luk ? lukDiversifier() : nextAtc(atc)));
  }

  /** The answer of replenishToken: a fresh payment key under the KEK, its label and KCV. */
  public ReplenishTokenRes replenishToken() {
    byte[] key = new byte[CREDENTIAL_BYTES];
    random.nextBytes(key);
    RawEncryptedData sealed = raw.seal(key);
    java.util.Arrays.fill(key, (byte) 0);
    String paymentKeys = "[{\"type\":\"LUK\",\"encData\":\"" + sealed.encData() + "\",\"iv\":\""
        + sealed.params().iv() + "\"}]";
    return new ReplenishTokenRes().kekLabel(keys.kekLabel()).kekKcv(Kcv.of(keys.kek())).paymentKeys(paymentKeys);
  }

  private EncPaymentCredData rawData(byte[] credential) {
    return RawWireParams.toEncPaymentCredData(raw.seal(credential));
  }

  /** Visa CBP "YHHHHCC": last digit of the year, hours since the year began, a counter. */
  private String lukDiversifier() {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    long hours = (now.getDayOfYear() - 1) * 24L + now.getHour();
    return String.format("%d%04d%02d", now.getYear() % 10, hours, random.nextInt(100));
  }

  private static String nextAtc(String atc) {
    int next = (Integer.parseInt(atc, 16) + 1) & 0xFFFF;
    return String.format("%04X", next);
  }
}
