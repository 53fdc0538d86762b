package io.tokensdk.testing.tsp;

import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/** Issues Luhn-valid 16-digit token PANs (DPANs) under a token BIN, and their expiry. Thread-safe. */
final class DpanIssuer {
  private static final DateTimeFormatter MMYY = DateTimeFormatter.ofPattern("MMyy");
  private final String tokenBin;
  private final SecureRandom random = new SecureRandom();

  /** An issuer under {@code tokenBin} (6 to 8 digits). */
  public DpanIssuer(String tokenBin) {
    if (!tokenBin.matches("[0-9]{6,8}")) {
      throw new IllegalArgumentException("token BIN must be 6 to 8 digits");
    }
    this.tokenBin = tokenBin;
  }

  /** A fresh random DPAN; uniqueness is the vault's business. */
  public String nextDpan() {
    StringBuilder body = new StringBuilder(tokenBin);
    while (body.length() < 15) {
      body.append(random.nextInt(10));
    }
    return body.append(Luhn.checkDigit(body.toString())).toString();
  }

  /** The expiry of a token issued now: three years ahead, MMYY. */
  public String expiry() {
    return YearMonth.now().plusYears(3).format(MMYY);
  }
}
