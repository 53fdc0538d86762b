package io.tokensdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tokensdk.client.CofApiException;
import io.tokensdk.client.PatApiException;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.cof.CofNotificationClient;
import io.tokensdk.client.pat.PatNotificationClient;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingState;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.cof.EventInitiator;
import io.tokensdk.model.cof.SelectedIdvMethod;
import io.tokensdk.model.pat.InitiatingChannel;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenIdentifiers;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenRequestor;
import io.tokensdk.model.pat.TokenState;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.ServerEvent;
import io.tokensdk.server.dedupe.ForwardingDedupeStore;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spring.sample.SampleApplication;
import io.tokensdk.spring.sample.SampleBank;
import io.tokensdk.spring.sample.SampleMerchant;
import io.tokensdk.spring.sample.SampleTsp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample application, started on a random port with mutual TLS from SSL bundles, called by a second Spring Boot
 * application whose {@link TspClient}, {@link CofNotificationClient} and {@link PatNotificationClient} beans come from
 * the starter's properties alone.
 */
class SampleOverHttpTest {
  private static final String API_KEY = "c03f88fe-01ba-11e8-ba89-0ed5f89f718b";
  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir
  static Path tlsDir;
  static TlsFiles tls;
  static ConfigurableApplicationContext server;
  static ConfigurableApplicationContext clients;
  static int port;

  @BeforeAll
  static void start() {
    tls = TlsFiles.in(tlsDir);
    SpringApplication sample = SampleApplication.application();
    sample.addPrimarySources(List.of(ServerExtras.class));
    server = sample.run("--server.port=0", "--TOKENSDK_TLS_DIR=" + tlsDir, "--COF_API_KEY=" + API_KEY);
    port = ((WebServerApplicationContext) server).getWebServer().getPort();
    String base = "https://localhost:" + port;
    clients = new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.NONE).run(Stream.concat(
        Stream.of(tls.clientBundle("tsh")),
        Stream.of("--tokensdk.tsp.base-url=" + base + "/tsp/trapi/v1.0", "--tokensdk.tsp.tls-bundle=tsh",
            "--tokensdk.cof.base-url=" + base + "/tsh-cof", "--tokensdk.cof.tls-bundle=tsh",
            "--tokensdk.cof.api-key=" + API_KEY,
            "--tokensdk.pat.base-url=" + base + "/pat", "--tokensdk.pat.tls-bundle=tsh"))
        .toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (clients != null) {
      clients.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The client side: only the starter and a meter registry; everything else comes from properties. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class ClientApplication {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  /** Added to the sample on the server side: a meter registry and a shared dedupe store, as applications have. */
  @Configuration(proxyBeanMethods = false)
  static class ServerExtras {
    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    CountingDedupeStore dedupeStore() {
      return new CountingDedupeStore();
    }
  }

  /** A dedupe store that counts its claims, to show that the starter mounts handlers with the application's store. */
  static final class CountingDedupeStore extends ForwardingDedupeStore {
    final AtomicInteger claims = new AtomicInteger();

    @Override
    public Claim claim(String key, String fingerprint, String owner, Duration lease) {
      claims.incrementAndGet();
      return super.claim(key, fingerprint, owner, lease);
    }
  }

  @Test
  void theTspApiAnswersThroughTheConfiguredClient() {
    TspClient tsp = clients.getBean(TspClient.class);
    CreateTokenRes created = tsp.createToken(new CreateTokenReq().issuerId("ISSUER0001").cardRefId("card-ref-1")
        .tokenRequestorId("40010030273"));
    String tokenId = created.getTokenId();
    tsp.updateTokenState(tokenId, new UpdateTokenStateReq().issuerId("ISSUER0001").newState(State.SUSPENDED));
    assertEquals("SUSPENDED", server.getBean(SampleTsp.class).state(tokenId));
    tsp.updateToken(tokenId,
        new UpdateTokenReq().issuerId("ISSUER0001").newCipheredCardInfo("MIAGCSqGSIb3DQEHA6CAMIACAQAx"));
    assertNotNull(tsp.getTokenCredentials("ISSUER0001", tokenId).getEncryptedData());
    assertNotNull(tsp.listTokens(new ListTokensReq().issuerId("ISSUER0001")));
    tsp.healthCheck();

    TspApiException unknown = assertThrows(TspApiException.class, () -> tsp.updateTokenState("tok-unknown",
        new UpdateTokenStateReq().issuerId("ISSUER0001").newState(State.ACTIVE)));
    assertEquals(400, unknown.httpStatus());
    assertEquals(TspResponseCode.UNKNOWN_TOKEN, unknown.responseCode().orElseThrow());
  }

  @Test
  void theCofApiAnswersThroughTheConfiguredClientWithItsApiKey() {
    CofNotificationClient cof = clients.getBean(CofNotificationClient.class);
    int claimsBefore = server.getBean(CountingDedupeStore.class).claims.get();
    String tokenId = "tok-" + UUID.randomUUID();
    cof.notifyBindingCreation(new BindingCreationNotification().tokenId(tokenId).deviceId("d1").merchantId("m1")
        .selectedIdvMethod(SelectedIdvMethod.OTP_SMS));
    cof.notifyBindingUpdate(new BindingUpdateNotification().tokenId(tokenId).deviceId("d1").merchantId("m1")
        .bindingState(BindingState.DELETED)
        .eventInitiator(EventInitiator.APP));
    assertEquals("DELETED", server.getBean(SampleMerchant.class).binding(tokenId));
    assertTrue(server.getBean(CountingDedupeStore.class).claims.get() >= claimsBefore + 2,
        "the application's DedupeStore bean dedupes the notifications");

    CofApiException notFound = assertThrows(CofApiException.class, () -> cof.notifyBindingUpdate(
        new BindingUpdateNotification().tokenId("tok-unknown").deviceId("d1").merchantId("m1")
            .bindingState(BindingState.DELETED)
            .eventInitiator(EventInitiator.APP)));
    assertEquals(CofError.NOT_FOUND, notFound.error().orElseThrow());
  }

  @Test
  void thePatApiAnswersThroughTheConfiguredClient() {
    PatNotificationClient pat = clients.getBean(PatNotificationClient.class);
    String reference = "ref-" + UUID.randomUUID();
    NotificationResponse provisioned = pat.notifyTokenProvisioned(new TokenProvisionedNotification()
        .token(new TokenIdentifiers().tokenReferenceId(reference))
        .tokenRequestor(new TokenRequestor().tokenRequestorId("40010030273"))
        .tokenState(TokenState.ACTIVE).encryptedRealAccountNumber("aaa.bbb.ccc.ddd.eee")
        .provisionedTimestamp(OffsetDateTime.now()));
    assertEquals(StatusCode._0000, provisioned.getStatusCode());
    pat.notifyTokenStateChanged(stateChange(reference));
    assertEquals("SUSPENDED", server.getBean(SampleBank.class).state(reference));

    PatApiException unknown = assertThrows(PatApiException.class,
        () -> pat.notifyTokenStateChanged(stateChange("ref-unknown")));
    assertEquals(StatusCode._1301, unknown.statusCode().orElseThrow());
  }

  @Test
  void badInputGetsTheSpecsErrors() throws IOException {
    OkHttpClient http = http(true);
    try (Response missing = http.newCall(post(route(SpecId.TSP, "createToken"), "{\"cardRefId\":\"card-1\"}")
        .header("x-request-id", "r-1").build()).execute()) {
      assertEquals(400, missing.code());
      JsonObject errorRes = JsonParser.parseString(missing.body().string()).getAsJsonObject();
      assertEquals("111", errorRes.get("responseCode").getAsString());
      assertTrue(errorRes.get("errorMessage").getAsString().contains("issuerId"), errorRes.toString());
    }
    try (Response noKey = http.newCall(post(route(SpecId.COF, "notifyBindingCreation"), "{}")
        .header("x-correlation-id", "c-1").build()).execute()) {
      assertEquals(401, noKey.code());
    }
    try (Response wrongKey = http.newCall(post(route(SpecId.COF, "notifyBindingCreation"), "{}")
        .header("x-correlation-id", "c-2").header("authorization", "APIKEY wrong").build()).execute()) {
      assertEquals(401, wrongKey.code());
    }
    String messageId = UUID.randomUUID().toString();
    try (Response invalid = http.newCall(post(route(SpecId.PAT, "notifyTokenStateChanged"),
        "{\"messageId\":\"" + messageId + "\"}").build()).execute()) {
      assertEquals(400, invalid.code());
      JsonObject envelope = JsonParser.parseString(invalid.body().string()).getAsJsonObject();
      assertEquals("1301", envelope.get("statusCode").getAsString());
      assertEquals(messageId, envelope.get("messageId").getAsString());
    }
    try (Response unknownPath = http.newCall(new Request.Builder().url(url("/tsp/trapi/v1.0/nothing-here")).build())
        .execute()) {
      assertEquals(404, unknownPath.code());
    }
  }

  @Test
  void aKeyStoreBundleWithPasswordsWorksToo() {
    String[] args = Stream.concat(Stream.of(tls.clientKeyStoreBundle("p12", "changeit")),
        Stream.of("--tokensdk.tsp.base-url=https://localhost:" + port + "/tsp/trapi/v1.0",
            "--tokensdk.tsp.tls-bundle=p12")).toArray(String[]::new);
    try (ConfigurableApplicationContext caller = Apps.plain(ClientApplication.class, args)) {
      caller.getBean(TspClient.class).healthCheck();
    }
  }

  @Test
  void aClientWithoutCertificateIsRefused() {
    OkHttpClient http = http(false);
    assertThrows(IOException.class, () -> {
      try (Response response = http.newCall(new Request.Builder().url(url("/tsp/trapi/v1.0/healthCheck"))
          .header("x-request-id", "r-2").build()).execute()) {
        response.body().string();
      }
    });
  }

  @Test
  void clientAttemptsAreRecordedWithBoundedTagsOnly() {
    TspClient tsp = clients.getBean(TspClient.class);
    tsp.createToken(
        new CreateTokenReq().issuerId("ISSUER0001").cardRefId("card-ref-2").tokenRequestorId("40010030273"));
    assertThrows(TspApiException.class, () -> tsp.updateTokenState("tok-unknown-2",
        new UpdateTokenStateReq().issuerId("ISSUER0001").newState(State.ACTIVE)));
    MeterRegistry registry = clients.getBean(MeterRegistry.class);

    Timer created = registry.find(MicrometerCallListener.REQUESTS)
        .tags("api", "tsp", "operation", "createToken", "outcome", "success", "status", "200").timer();
    assertNotNull(created, "createToken attempts are timed");
    assertTrue(created.count() >= 1);
    Timer refused = registry.find(MicrometerCallListener.REQUESTS)
        .tags("api", "tsp", "operation", "updateTokenState", "outcome", "failure", "status", "400").timer();
    assertNotNull(refused, "the 400 attempt is timed as a failure");

    Set<String> operations = Stream.of(SpecId.values()).flatMap(id -> ApiSpec.of(id).operations().stream())
        .map(SpecOperation::operationId).collect(Collectors.toSet());
    List<Meter> meters =
        registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("tokensdk.")).toList();
    assertFalse(meters.isEmpty());
    for (Meter meter : meters) {
      for (Tag tag : meter.getId().getTags()) {
        boolean bounded = switch (tag.getKey()) {
          case "api" -> Set.of("tsp", "cof", "pat").contains(tag.getValue());
          case "operation" -> operations.contains(tag.getValue());
          case "outcome" -> Set.of("success", "retryable_failure", "failure").contains(tag.getValue());
          case "status" -> tag.getValue().matches("none|[1-5][0-9][0-9]");
          default -> false;
        };
        assertTrue(bounded, "unexpected tag " + tag + " on " + meter.getId().getName());
      }
    }
  }

  @Test
  void serverRequestsAreRecordedWithBoundedTagsOnly() throws IOException {
    clients.getBean(TspClient.class).createToken(
        new CreateTokenReq().issuerId("ISSUER0001").cardRefId("card-ref-3").tokenRequestorId("40010030273"));
    try (Response noKey = http(true).newCall(post(route(SpecId.COF, "notifyBindingCreation"), "{}")
        .header("x-correlation-id", "c-metrics").build()).execute()) {
      assertEquals(401, noKey.code());
    }
    MeterRegistry registry = server.getBean(MeterRegistry.class);
    assertTrue(registry.get(MicrometerServerListener.REQUESTS)
        .tags("api", "tsp", "operation", "createToken", "outcome", "success", "status", "200").timer().count() >= 1);
    assertTrue(registry.get(MicrometerServerListener.REQUESTS)
        .tags("api", "cof", "operation", "notifyBindingCreation", "outcome", "rejected", "status", "401").timer()
        .count() >= 1);

    Set<String> operations = Stream.of(SpecId.values()).flatMap(id -> ApiSpec.of(id).operations().stream())
        .map(SpecOperation::operationId).collect(Collectors.toSet());
    Set<String> outcomes = Stream.of(ServerEvent.Outcome.values()).map(o -> o.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    for (Meter meter : registry.getMeters()) {
      if (!meter.getId().getName().startsWith("tokensdk.")) {
        continue;
      }
      for (Tag tag : meter.getId().getTags()) {
        boolean bounded = switch (tag.getKey()) {
          case "api" -> Set.of("tsp", "cof", "pat", "none").contains(tag.getValue());
          case "operation" -> operations.contains(tag.getValue()) || tag.getValue().equals("none");
          case "outcome" -> outcomes.contains(tag.getValue());
          case "status" -> tag.getValue().matches("[1-5][0-9][0-9]");
          default -> false;
        };
        assertTrue(bounded, "unexpected tag " + tag + " on " + meter.getId().getName());
      }
    }
  }

  @Test
  void healthReportsEveryClientAndEveryMountedHandler() {
    for (String name : List.of("tokensdkTspClientHealthIndicator", "tokensdkCofClientHealthIndicator",
        "tokensdkPatClientHealthIndicator")) {
      assertEquals(Status.UP, clients.getBean(name, HealthIndicator.class).health().getStatus(), name);
    }
    CompositeHealthContributor handlers =
        server.getBean("tokensdkHandlersHealthContributor", CompositeHealthContributor.class);
    for (String api : List.of("tsp", "cof", "pat")) {
      HealthIndicator handler = (HealthIndicator) handlers.getContributor(api);
      assertEquals(Status.UP, handler.health().getStatus(), api);
      assertEquals(ApiSpec.of(SpecId.of(api)).basePath(), handler.health().getDetails().get("path"));
    }
  }

  private static TokenStateChangedNotification stateChange(String reference) {
    return new TokenStateChangedNotification()
        .token(new TokenIdentifiers().tokenReferenceId(reference))
        .tokenRequestor(new TokenRequestor().tokenRequestorId("40010030273"))
        .tokenState(TokenState.SUSPENDED).previousTokenState(TokenState.ACTIVE)
        .stateChangeReasonCode("INITIATED_BY_FINANCIAL_INSTITUTION")
        .initiatingChannel(InitiatingChannel.API)
        .stateChangeTimestamp(OffsetDateTime.now());
  }

  private static OkHttpClient http(boolean withClientCertificate) {
    HandshakeCertificates certificates = tls.handshake(withClientCertificate);
    return new OkHttpClient.Builder().sslSocketFactory(certificates.sslSocketFactory(), certificates.trustManager())
        .retryOnConnectionFailure(false).build();
  }

  private static Request.Builder post(String path, String json) {
    return new Request.Builder().url(url(path)).post(RequestBody.create(json, JSON));
  }

  /** The full path of an operation without path parameters, from the spec. */
  private static String route(SpecId api, String operationId) {
    ApiSpec spec = ApiSpec.of(api);
    return spec.basePath() + spec.operation(operationId).orElseThrow().path();
  }

  private static String url(String path) {
    return "https://localhost:" + port + path;
  }
}
