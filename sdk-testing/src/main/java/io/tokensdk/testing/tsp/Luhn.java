package io.tokensdk.testing.tsp;

/** The Luhn (mod 10) check digit used by PANs and by the sample's merchant ids. */
public final class Luhn {
  private Luhn() {
  }

  /** The check digit that makes {@code digits + checkDigit} Luhn-valid. */
  public static char checkDigit(String digits) {
    int sum = sum(digits, true);
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  /** True when {@code number} (digits only) passes the Luhn check. */
  public static boolean isValid(String number) {
    return number != null && number.matches("[0-9]{2,19}") && sum(number, false) % 10 == 0;
  }

  private static int sum(String digits, boolean doubleLast) {
    int sum = 0;
    boolean twice = doubleLast;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum;
  }
}
