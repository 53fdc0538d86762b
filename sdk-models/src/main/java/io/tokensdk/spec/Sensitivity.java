package io.tokensdk.spec;

import io.tokensdk.json.Redaction;

/**
 * The sensitivity classes of {@code x-tokensdk-sensitive}: how a value is shown in {@code toString()} and in the client's
 * HTTP log. Nothing sensitive is ever shown in full. Declared from the most protective to the least.
 */
public enum Sensitivity {
  /** Card data in clear (PAN, expiry date, CVV): hidden entirely, its length too. */
  CARD_DATA("card-data"),
  /** Keys and secrets (an API key): hidden entirely; an authentication scheme in front of it (e.g. {@code APIKEY}) stays. */
  KEY_MATERIAL("key-material"),
  /** Encrypted data (CMS, JWE): only a short prefix, which carries no secret, and the length are shown. */
  ENCRYPTED("encrypted");

  private static final String HIDDEN = "***";

  private final String specValue;

  Sensitivity(String specValue) {
    this.specValue = specValue;
  }

  /** The value of {@code x-tokensdk-sensitive} in the specs. */
  public String specValue() {
    return specValue;
  }

  /**
   * The class for a value of {@code x-tokensdk-sensitive}.
   *
   * @throws IllegalArgumentException for a value that names no class
   */
  public static Sensitivity fromSpec(String specValue) {
    for (Sensitivity candidate : values()) {
      if (candidate.specValue.equals(specValue)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown x-tokensdk-sensitive value: " + specValue);
  }

  /** How {@code value} may be shown; {@code "null"} for null. */
  public String redact(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    return switch (this) {
      case CARD_DATA -> HIDDEN;
      case KEY_MATERIAL -> keepScheme(text);
      case ENCRYPTED -> Redaction.sensitive(text);
    };
  }

  private static String keepScheme(String text) {
    int space = text.indexOf(' ');
    boolean scheme = space > 0 && text.substring(0, space).chars().allMatch(Character::isLetter);
    return scheme ? text.substring(0, space) + " " + HIDDEN : HIDDEN;
  }
}
