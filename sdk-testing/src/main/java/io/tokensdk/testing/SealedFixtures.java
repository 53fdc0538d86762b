package io.tokensdk.testing;

import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import java.util.Objects;

/**
 * Sealed test data, made with {@link TestKeys}: what a TSH sends a TSP ({@code cipheredCardInfo}), what a TSP returns
 * ({@code encryptedData}), and what Visa sends a bank ({@code encryptedRealAccountNumber}). The card numbers are the
 * well-known test PANs, never real cards.
 */
public final class SealedFixtures {
  /** A Visa test PAN (Luhn-valid, never a real card). */
  public static final String TEST_PAN = "4111111111111111";
  /** Its expiry, MMYY. */
  public static final String TEST_EXP = "1228";
  /** A test token PAN (DPAN). */
  public static final String TEST_DPAN = "4895370012345671";
  /** Its expiry, MMYY. */
  public static final String TEST_DPAN_EXP = "1231";

  private final TestKeys keys;

  /**
   * Fixtures sealed to {@code keys}.
   *
   * @param keys the throwaway keys the fakes hold
   */
  public SealedFixtures(TestKeys keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** @return {@code cipheredCardInfo} for {@link #TEST_PAN}: CMS sealed to the TSP's card-info certificate (OAEP) */
  public String cardInfo() {
    return cardInfo(CardInfo.builder().fpan(TEST_PAN).exp(TEST_EXP).cvv("123").build());
  }

  /**
   * @param card the card to seal
   * @return {@code cipheredCardInfo}: CMS sealed to the TSP's card-info certificate (OAEP)
   */
  public String cardInfo(CardInfo card) {
    return cmsSealer().seal(Objects.requireNonNull(card, "card"));
  }

  /** @return {@code newCipheredCardInfo} carrying a new expiry for the funding card */
  public String newCardInfo() {
    return cmsSealer().seal(NewCardInfo.builder().newExp("0131").build());
  }

  /** @return {@code tokenInfo.encryptedData} for {@link #TEST_DPAN}: JWE (ECDH-ES, A256GCM) to the requestor key */
  public String tokenData() {
    return JweSealer.ecdhEs(keys.requestor().toPublicJWK()).seal(TokenData.of(TEST_DPAN, TEST_DPAN_EXP));
  }

  /** @return {@code getTokenCredentials.encryptedData}: JWE (ECDH-ES, A256GCM) to the requestor key */
  public String credentials() {
    return JweSealer.ecdhEs(keys.requestor().toPublicJWK()).seal(TokenCredentials.builder().dpan(TEST_DPAN)
        .exp(TEST_DPAN_EXP).fpan(TEST_PAN).fpanExp(TEST_EXP).build());
  }

  /** @return PAT {@code encryptedRealAccountNumber} for {@link #TEST_PAN}: JWE (RSA-OAEP-256, A256GCM) to the bank */
  public String accountNumber() {
    return JweSealer.rsaOaep256(keys.bank().toPublicJWK()).seal(AccountNumber.of(TEST_PAN));
  }

  private CmsEnvelopeSealer cmsSealer() {
    return CmsEnvelopeSealer.forRecipient(keys.cardInfo().certificate(), CmsKeyTransport.RSA_OAEP_SHA256);
  }

  @Override
  public String toString() {
    return "SealedFixtures{throwaway}";
  }
}
