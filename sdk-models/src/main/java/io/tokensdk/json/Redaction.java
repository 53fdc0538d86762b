package io.tokensdk.json;

/** How values that the specs mark {@code x-tokensdk-sensitive} are shown in {@code toString()} and logs. */
public final class Redaction {
  private static final int VISIBLE_PREFIX = 8;

  private Redaction() {}

  /**
   * Describes an encrypted blob without revealing it: a short prefix (the start of a JWE header or of a base64 CMS
   * structure carries no secret) and the length, e.g. {@code eyJhbGci…(812 chars)}.
   */
  public static String sensitive(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= VISIBLE_PREFIX * 2) {
      return "***(" + value.length() + " chars)";
    }
    return value.substring(0, VISIBLE_PREFIX) + "…(" + value.length() + " chars)";
  }
}
