package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures the HTTP log of every client built by a test class, and after the class asserts that no test PAN, CVV or API
 * key reached it. Registered on every client test class, so it covers a full run of the client tests.
 */
public final class SecretLog implements AfterAllCallback {
  /** Secrets that tests put into requests and responses. */
  public static final String PAN = "5204731234564792";
  public static final String CVV_JSON = "\"cvv\":\"737\"";
  public static final String API_KEY = "c03f88fe-01ba-11e8-ba89-0ed5f89f718b";

  static final List<String> LINES = new CopyOnWriteArrayList<>();

  /** The log sink to give every client under test. */
  public static HttpLog sink() {
    return LINES::add;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    assertFalse(LINES.isEmpty(), "the HTTP log recorded nothing: the check below would prove nothing");
    for (String line : LINES) {
      assertFalse(line.contains(PAN), () -> "PAN in log: " + line.replace(PAN, "<PAN>"));
      assertFalse(line.contains(CVV_JSON), () -> "CVV in log: " + line.replace("737", "<CVV>"));
      assertFalse(line.contains(API_KEY), "API key in log");
    }
    assertTrue(LINES.stream().anyMatch(l -> l.contains("authorization: APIKEY ***")) || LINES.stream().noneMatch(l -> l.contains("authorization")),
        "authorization header not redacted");
    LINES.clear();
  }
}
