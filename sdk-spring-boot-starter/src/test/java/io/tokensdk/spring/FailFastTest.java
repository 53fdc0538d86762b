package io.tokensdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.spring.sample.SampleMerchant;
import io.tokensdk.spring.sample.SampleTsp;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Each misconfiguration stops the context from starting, with a message that names the property to fix. */
class FailFastTest {
  private static final String SECRET = "s3cr3t-key-value";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Merchant {
    @Bean
    SampleMerchant merchant() {
      return new SampleMerchant();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class TwoTsps {
    @Bean
    SampleTsp first() {
      return new SampleTsp();
    }

    @Bean
    SampleTsp second() {
      return new SampleTsp();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Caller {
  }

  @Test
  void aCofHandlerWithoutApiKeys() {
    TokenSdkPropertyException e = failure(() -> Apps.web(Merchant.class));
    assertEquals("tokensdk.server.cof.api-keys", e.property());
    assertTrue(e.getMessage().startsWith("tokensdk.server.cof.api-keys: the COF handler bean 'merchant' needs the API"
        + " keys it accepts"), e.getMessage());
  }

  @Test
  void aBlankCofApiKey() {
    TokenSdkPropertyException e = failure(() -> Apps.web(Merchant.class, "--tokensdk.server.cof.api-keys=,"));
    assertEquals("tokensdk.server.cof.api-keys", e.property());
  }

  @Test
  void aBaseUrlThatIsNotAUrl() {
    for (String url : new String[] {"tsp.example.com/tsp/trapi/v1.0", "ftp://tsp.example.com/x", "https://"}) {
      TokenSdkPropertyException e = failure(() -> Apps.plain(Caller.class, "--tokensdk.tsp.base-url=" + url));
      assertEquals("tokensdk.tsp.base-url", e.property());
      assertEquals("tokensdk.tsp.base-url: is not an http or https URL with a host "
          + "(e.g. https://tsp.example.com/tsp/trapi/v1.0)", e.getMessage());
    }
  }

  @Test
  void aMissingTlsBundle() {
    TokenSdkPropertyException e = failure(() -> Apps.plain(Caller.class,
        "--tokensdk.pat.base-url=https://bank.example.com/pat", "--tokensdk.pat.tls-bundle=visa"));
    assertEquals("tokensdk.pat.tls-bundle", e.property());
    assertEquals("tokensdk.pat.tls-bundle: no SSL bundle named 'visa'; define it under spring.ssl.bundle.pem.visa or "
        + "spring.ssl.bundle.jks.visa", e.getMessage());
  }

  @Test
  void aCofClientWithoutApiKey() {
    TokenSdkPropertyException e = failure(() -> Apps.plain(Caller.class,
        "--tokensdk.cof.base-url=https://merchant.example.com/tsh-cof"));
    assertEquals("tokensdk.cof.api-key", e.property());
  }

  @Test
  void anApiKeyWithWhitespaceIsRefusedWithoutEchoingIt() {
    TokenSdkPropertyException e = failure(() -> Apps.plain(Caller.class,
        "--tokensdk.cof.base-url=https://merchant.example.com/tsh-cof", "--tokensdk.cof.api-key=" + SECRET + " x"));
    assertEquals("tokensdk.cof.api-key", e.property());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  @Test
  void aBadRetryPolicy() {
    TokenSdkPropertyException e = failure(() -> Apps.plain(Caller.class,
        "--tokensdk.tsp.base-url=https://tsp.example.com/tsp/trapi/v1.0", "--tokensdk.tsp.retry.max-attempts=0"));
    assertEquals("tokensdk.tsp.retry.max-attempts", e.property());
    e = failure(() -> Apps.plain(Caller.class, "--tokensdk.tsp.base-url=https://tsp.example.com/tsp/trapi/v1.0",
        "--tokensdk.tsp.retry.base-delay=1s", "--tokensdk.tsp.retry.max-delay=10ms"));
    assertEquals("tokensdk.tsp.retry.max-delay", e.property());
  }

  @Test
  void aMountPathThatCannotBeMapped() {
    TokenSdkPropertyException e = failure(() -> Apps.web(Merchant.class, "--tokensdk.server.cof.api-keys=k1",
        "--tokensdk.server.cof.path=merchant/*"));
    assertEquals("tokensdk.server.cof.path", e.property());
  }

  @Test
  void twoHandlersOfOneApi() {
    Throwable failure = assertThrows(Throwable.class, () -> Apps.web(TwoTsps.class).close());
    String messages = messages(failure);
    assertTrue(messages.contains("found 2 TSP handler beans: [first, second]"), messages);
  }

  @Test
  void theFailureReportNamesTheProperty() {
    TokenSdkPropertyException e = failure(() -> Apps.web(Merchant.class));
    FailureAnalysis analysis = new TokenSdkPropertyFailureAnalyzer().analyze(new IllegalStateException(e));
    assertEquals(e.getMessage(), analysis.getDescription());
    assertEquals("Fix the property 'tokensdk.server.cof.api-keys'.", analysis.getAction());
  }

  private static TokenSdkPropertyException failure(Supplier<ConfigurableApplicationContext> start) {
    Throwable failure = assertThrows(Throwable.class, () -> start.get().close());
    return Apps.propertyFailure(failure).orElseThrow(() -> new AssertionError("no TokenSdkPropertyException", failure));
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
