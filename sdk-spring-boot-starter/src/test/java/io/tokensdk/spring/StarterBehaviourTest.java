package io.tokensdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tokensdk.client.AttemptEvent;
import io.tokensdk.client.CallListener;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.SelectedIdvMethod;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.HandlerErrorHook;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.RetryLaterException;
import io.tokensdk.server.ServerEvent;
import io.tokensdk.server.ServerListener;
import io.tokensdk.server.TspErrorException;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spring.sample.SampleMerchant;
import io.tokensdk.spring.sample.SampleTsp;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/** Settings and beans that change how handlers are served and clients call, over real HTTP (plain, for brevity). */
class StarterBehaviourTest {
  private static final String BINDING = "{\"tokenId\":\"t1\",\"deviceId\":\"d1\",\"merchantId\":\"m1\","
      + "\"selectedIdvMethod\":\"OTP_SMS\"}";

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
  static class MerchantWithKeysBean {
    @Bean
    SampleMerchant merchant() {
      return new SampleMerchant();
    }

    @Bean
    ApiKeys cofApiKeys() {
      return ApiKeys.of("key-from-a-bean");
    }
  }

  /** A TSP whose first health check asks to retry later (503). */
  static final class BusyOnceTsp extends SampleTsp {
    final AtomicInteger healthChecks = new AtomicInteger();

    @Override
    public void healthCheck(RequestContext ctx) {
      if (healthChecks.incrementAndGet() == 1) {
        throw new RetryLaterException(Duration.ZERO);
      }
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class BusyOnce {
    @Bean
    BusyOnceTsp tsp() {
      return new BusyOnceTsp();
    }
  }

  /** Counts the deliveries of binding creations, redeliveries included. */
  static final class CountingMerchant extends SampleMerchant {
    final AtomicInteger creations = new AtomicInteger();

    @Override
    public void notifyBindingCreation(BindingCreationNotification n, RequestContext ctx) {
      creations.incrementAndGet();
      super.notifyBindingCreation(n, ctx);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Counting {
    @Bean
    CountingMerchant merchant() {
      return new CountingMerchant();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class CallerWithBeans {
    final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();

    @Bean
    CallListener recordingListener() {
      return attempts::add;
    }

    @Bean
    TokenSdkClientCustomizer noRetries() {
      return (api, builder) -> builder.retryPolicy(RetryPolicy.NONE);
    }
  }

  /** A TSP whose listTokens fails unexpectedly. */
  static final class FailingTsp extends SampleTsp {
    @Override
    public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
      throw new IllegalStateException("vault unavailable");
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Observed {
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> failedOperations = new CopyOnWriteArrayList<>();
    final List<ServerEvent> answered = new CopyOnWriteArrayList<>();

    @Bean
    FailingTsp tsp() {
      return new FailingTsp();
    }

    @Bean
    HandlerErrorHook recordingHook() {
      return (error, context) -> {
        failures.add(error);
        failedOperations.add(context.operationId());
      };
    }

    @Bean
    ServerListener recordingServerListener() {
      return answered::add;
    }
  }

  /** The application's own exception, which the handler below throws. */
  static final class TokenGone extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Customized {
    final List<SpecId> mounted = new CopyOnWriteArrayList<>();

    @Bean
    SampleTsp tsp() {
      return new SampleTsp() {
        @Override
        public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) {
          throw new TokenGone();
        }
      };
    }

    @Bean
    @Order(2)
    TokenSdkMountCustomizer tokenErrors() {
      return (api, options) -> {
        mounted.add(api);
        options.mapException(TokenGone.class, e -> new TspErrorException(TspResponseCode.UNKNOWN_TOKEN));
      };
    }

    @Bean
    @Order(1)
    TokenSdkMountCustomizer overriddenByTheLaterOne() {
      return (api, options) -> options.mapException(TokenGone.class, e -> new RetryLaterException(Duration.ZERO));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Caller {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Test
  void theMountPathIsOverridable() throws IOException {
    try (ConfigurableApplicationContext server = Apps.web(Merchant.class, "--tokensdk.server.cof.api-keys=k1",
        "--tokensdk.server.cof.path=/merchant/cof");
        ConfigurableApplicationContext caller = Apps.plain(Caller.class,
            "--tokensdk.cof.base-url=http://localhost:" + Apps.port(server) + "/merchant/cof",
            "--tokensdk.cof.api-key=k1")) {
      caller.getBean(CofNotificationClient.class).notifyBindingCreation(new BindingCreationNotification()
          .tokenId("t-moved").deviceId("d1").merchantId("m1").selectedIdvMethod(SelectedIdvMethod.OTP_SMS));
      assertEquals("CREATED", server.getBean(SampleMerchant.class).binding("t-moved"));
      try (Response atSpecPath = post(server, "/tsh-cof/notify-binding-creation", BINDING, "k1")) {
        assertEquals(404, atSpecPath.code(), "served only at the configured path");
      }
    }
  }

  @Test
  void anApiKeysBeanWinsOverProperties() throws IOException {
    try (ConfigurableApplicationContext server = Apps.web(MerchantWithKeysBean.class)) {
      try (Response accepted = post(server, "/tsh-cof/notify-binding-creation", BINDING, "key-from-a-bean")) {
        assertEquals(204, accepted.code());
      }
      try (Response refused = post(server, "/tsh-cof/notify-binding-creation", BINDING, "k1")) {
        assertEquals(401, refused.code());
      }
    }
  }

  @Test
  void theBodyLimitIsAProperty() throws IOException {
    try (ConfigurableApplicationContext server = Apps.web(Merchant.class, "--tokensdk.server.cof.api-keys=k1",
        "--tokensdk.server.max-body-size=64B")) {
      try (Response tooLarge = post(server, "/tsh-cof/notify-binding-creation", BINDING, "k1")) {
        assertEquals(413, tooLarge.code());
      }
    }
  }

  @Test
  void retriesAreCountedAndEachAttemptIsTimed() {
    try (ConfigurableApplicationContext server = Apps.web(BusyOnce.class);
        ConfigurableApplicationContext caller = Apps.plain(Caller.class,
            "--tokensdk.tsp.base-url=http://localhost:" + Apps.port(server) + "/tsp/trapi/v1.0",
            "--tokensdk.tsp.retry.base-delay=1ms", "--tokensdk.tsp.retry.max-delay=5ms")) {
      caller.getBean(TspClient.class).healthCheck();
      assertEquals(2, server.getBean(BusyOnceTsp.class).healthChecks.get());
      MeterRegistry registry = caller.getBean(MeterRegistry.class);
      assertEquals(1.0, registry.get(MicrometerCallListener.RETRIES).tags("api", "tsp", "operation", "healthCheck")
          .counter().count());
      assertEquals(1, registry.get(MicrometerCallListener.REQUESTS).tags("operation", "healthCheck",
          "outcome", "retryable_failure", "status", "503").timer().count());
      assertEquals(1, registry.get(MicrometerCallListener.REQUESTS).tags("operation", "healthCheck",
          "outcome", "success", "status", "204").timer().count());
    }
  }

  @Test
  void retriesFollowTheRetryProperties() {
    try (ConfigurableApplicationContext server = Apps.web(BusyOnce.class);
        ConfigurableApplicationContext caller = Apps.plain(Caller.class,
            "--tokensdk.tsp.base-url=http://localhost:" + Apps.port(server) + "/tsp/trapi/v1.0",
            "--tokensdk.tsp.retry.max-attempts=1")) {
      assertThrows(TspApiException.class, () -> caller.getBean(TspClient.class).healthCheck());
      assertEquals(1, server.getBean(BusyOnceTsp.class).healthChecks.get());
    }
  }

  @Test
  void callListenerAndCustomizerBeansApplyToTheClients() {
    try (ConfigurableApplicationContext server = Apps.web(BusyOnce.class);
        ConfigurableApplicationContext caller = Apps.plain(CallerWithBeans.class,
            "--tokensdk.tsp.base-url=http://localhost:" + Apps.port(server) + "/tsp/trapi/v1.0")) {
      assertThrows(TspApiException.class, () -> caller.getBean(TspClient.class).healthCheck());
      assertEquals(1, server.getBean(BusyOnceTsp.class).healthChecks.get(), "the customizer turned retries off");
      List<AttemptEvent> attempts = caller.getBean(CallerWithBeans.class).attempts;
      assertEquals(1, attempts.size());
      assertEquals("healthCheck", attempts.get(0).operationId());
      assertEquals(503, attempts.get(0).httpStatus());
    }
  }

  @Test
  void redeliveriesAreDedupedUnlessTurnedOff() throws IOException {
    for (boolean dedupe : new boolean[] {true, false}) {
      try (ConfigurableApplicationContext server = Apps.web(Counting.class, "--tokensdk.server.cof.api-keys=k1",
          "--tokensdk.server.cof.dedupe=" + dedupe)) {
        for (int delivery = 0; delivery < 2; delivery++) {
          try (Response response = post(server, "/tsh-cof/notify-binding-creation", BINDING, "k1", "c-same")) {
            assertEquals(204, response.code());
          }
        }
        assertEquals(dedupe ? 1 : 2, server.getBean(CountingMerchant.class).creations.get(), "dedupe=" + dedupe);
      }
    }
  }

  @Test
  void handlerErrorHookAndServerListenerBeansSeeTheRequests() {
    try (ConfigurableApplicationContext server = Apps.web(Observed.class)) {
      TspApiException failed = listTokensFailure(server);
      assertEquals(TspResponseCode.UNEXPECTED_SERVER_ERROR, failed.responseCode().orElseThrow());
      Observed observed = server.getBean(Observed.class);
      assertEquals(1, observed.failures.size());
      assertEquals("vault unavailable", observed.failures.get(0).getMessage());
      assertEquals(List.of("listTokens"), observed.failedOperations);
      ServerEvent event = observed.answered.get(observed.answered.size() - 1);
      assertEquals("listTokens", event.operationId());
      assertEquals(ServerEvent.Outcome.HANDLER_FAILED, event.outcome());
      assertEquals(failed.httpStatus(), event.httpStatus());
    }
  }

  @Test
  void mountCustomizerBeansMapTheApplicationsExceptionsInOrder() {
    try (ConfigurableApplicationContext server = Apps.web(Customized.class)) {
      TspApiException failed = listTokensFailure(server);
      assertEquals(TspResponseCode.UNKNOWN_TOKEN, failed.responseCode().orElseThrow(),
          "the customizer ordered last maps the exception");
      assertEquals(List.of(SpecId.TSP), server.getBean(Customized.class).mounted);
    }
  }

  /** What a caller without retries gets from {@code server}'s listTokens, which must fail. */
  private static TspApiException listTokensFailure(ConfigurableApplicationContext server) {
    try (ConfigurableApplicationContext caller = Apps.plain(Caller.class,
        "--tokensdk.tsp.base-url=http://localhost:" + Apps.port(server) + "/tsp/trapi/v1.0",
        "--tokensdk.tsp.retry.max-attempts=1")) {
      return assertThrows(TspApiException.class,
          () -> caller.getBean(TspClient.class).listTokens(new ListTokensReq().issuerId("ISSUER0001")));
    }
  }

  @Test
  void clientsAreClosedWithTheContext() {
    ConfigurableApplicationContext caller = Apps.plain(Caller.class,
        "--tokensdk.tsp.base-url=http://localhost:1/tsp/trapi/v1.0",
        "--tokensdk.cof.base-url=http://localhost:1/tsh-cof", "--tokensdk.cof.api-key=k1",
        "--tokensdk.pat.base-url=http://localhost:1/pat");
    TspClient tsp = caller.getBean(TspClient.class);
    CofNotificationClient cof = caller.getBean(CofNotificationClient.class);
    PatNotificationClient pat = caller.getBean(PatNotificationClient.class);
    caller.close();
    IllegalStateException closed = assertThrows(IllegalStateException.class, tsp::healthCheck);
    assertEquals("the client is closed", closed.getMessage());
    assertThrows(IllegalStateException.class, () -> cof.notifyBindingCreation(new BindingCreationNotification()
        .tokenId("t1").deviceId("d1").merchantId("m1").selectedIdvMethod(SelectedIdvMethod.OTP_SMS)));
    assertThrows(IllegalStateException.class, () -> pat.notifyTokenStateChanged(null));
  }

  @Test
  void healthIsDownWhenTheServerIsNot() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (ConfigurableApplicationContext caller = Apps.plain(Caller.class,
        "--tokensdk.tsp.base-url=http://localhost:" + closed + "/tsp/trapi/v1.0",
        "--tokensdk.cof.base-url=http://localhost:" + closed + "/tsh-cof", "--tokensdk.cof.api-key=k1",
        "--tokensdk.tsp.retry.max-attempts=1")) {
      Health tsp = caller.getBean("tokensdkTspClientHealthIndicator", HealthIndicator.class).health();
      assertEquals(Status.DOWN, tsp.getStatus());
      assertEquals("healthCheck", tsp.getDetails().get("check"));
      Health cof = caller.getBean("tokensdkCofClientHealthIndicator", HealthIndicator.class).health();
      assertEquals(Status.DOWN, cof.getStatus());
      assertEquals("localhost:" + closed, cof.getDetails().get("endpoint"));
    }
  }

  private static Response post(ConfigurableApplicationContext server, String path, String json, String apiKey)
      throws IOException {
    return post(server, path, json, apiKey, "c-" + System.nanoTime());
  }

  private static Response post(ConfigurableApplicationContext server, String path, String json, String apiKey,
      String correlationId) throws IOException {
    return new OkHttpClient().newCall(new Request.Builder().url("http://localhost:" + Apps.port(server) + path)
        .header("x-correlation-id", correlationId).header("authorization", "APIKEY " + apiKey)
        .post(RequestBody.create(json, MediaType.get("application/json"))).build()).execute();
  }
}
