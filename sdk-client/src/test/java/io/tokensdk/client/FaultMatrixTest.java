package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.tsp.TspResponseCode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults on a real loopback connection: each gives the documented exception or result, with the right attempt count, and
 * the server sees exactly the expected requests, all with one stable id.
 */
@ExtendWith(SecretLog.class)
class FaultMatrixTest {
  private static final RetryPolicy FAST = RetryPolicy.of(3, Duration.ofMillis(1), Duration.ofMillis(5));

  private MockWebServer server;
  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Clients clients(RetryPolicy policy, Duration readTimeout, Duration deadline) {
    return Clients.against(server, b -> b.retryPolicy(policy).readTimeout(readTimeout).callDeadline(deadline)
        .listener(events::add));
  }

  private Clients clients(RetryPolicy policy) {
    return clients(policy, Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  private Set<String> requestIds(int expectedRequests, String header) throws InterruptedException {
    assertEquals(expectedRequests, server.getRequestCount());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < expectedRequests; i++) {
      ids.add(server.takeRequest(1, TimeUnit.SECONDS).getHeader(header));
    }
    return ids;
  }

  @Test
  void disconnectAtTheStartOfTheResponseIsRetriedWithTheSameRequestId() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(new MockResponse().setResponseCode(204));
    CallInfo info = new CallInfo();

    clients(FAST).tsp().healthCheck(RequestOptions.builder().callInfo(info).build());

    assertEquals(3, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(3, "x-request-id"));
    assertEquals(List.of(AttemptEvent.Outcome.RETRYABLE_FAILURE, AttemptEvent.Outcome.RETRYABLE_FAILURE,
        AttemptEvent.Outcome.SUCCESS), events.stream().map(AttemptEvent::outcome).toList());
    assertEquals(List.of(1, 2, 3), events.stream().map(AttemptEvent::attempt).toList());
    assertEquals(List.of(0, 0, 204), events.stream().map(AttemptEvent::httpStatus).toList());
  }

  @Test
  void disconnectsUpToTheAttemptLimitGiveANetworkException() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }
    NetworkException thrown = assertThrows(NetworkException.class, () -> clients(FAST).tsp().healthCheck());
    assertEquals(3, thrown.attempts());
    assertEquals(Set.of(thrown.requestId()), requestIds(3, "x-request-id"));
  }

  @Test
  void disconnectInTheMiddleOfTheBodyIsNotRetried() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"encryptedData\":\"" + "x".repeat(64 * 1024) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    NetworkException thrown = assertThrows(NetworkException.class,
        () -> clients(FAST).tsp().getTokenCredentials(WireCases.ISSUER, WireCases.TOKEN));
    assertEquals(1, thrown.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aBodySlowerThanTheReadTimeoutIsATimeoutAndNotRetried() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"encryptedData\":\"slow-body-slow-body\"}").throttleBody(4, 1, TimeUnit.SECONDS));
    ApiTimeoutException thrown = assertThrows(ApiTimeoutException.class,
        () -> clients(FAST, Duration.ofMillis(300), Duration.ofSeconds(20)).tsp()
            .getTokenCredentials(WireCases.ISSUER, WireCases.TOKEN));
    assertTrue(!(thrown instanceof DeadlineExceededException));
    assertEquals(1, thrown.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void noAnswerBeforeTheReadTimeoutIsRetried() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204).setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(new MockResponse().setResponseCode(204));
    CallInfo info = new CallInfo();
    clients(FAST, Duration.ofMillis(300), Duration.ofSeconds(20)).tsp()
        .healthCheck(RequestOptions.builder().callInfo(info).build());
    assertEquals(2, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(2, "x-request-id"));
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsIsRetriedWithTheSameCorrelationId() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setResponseCode(204));
    CallInfo info = new CallInfo();
    clients(FAST).cof().notifyBindingCreation(WireCases.model("{\"tokenId\":\"t\",\"deviceId\":\"d\","
            + "\"selectedIdvMethod\":\"NONE\",\"merchantId\":\"m\"}", io.tokensdk.model.cof.BindingCreationNotification.class),
        RequestOptions.builder().callInfo(info).build());
    assertEquals(2, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(2, "x-correlation-id"));
  }

  @Test
  void okHttpDoesNotSilentlyRetryA503WithRetryAfterZero() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setResponseCode(204));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(RetryPolicy.NONE).tsp().healthCheck());
    assertEquals(503, thrown.httpStatus());
    assertEquals(1, thrown.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void a503WithRetryAfterZeroIsRetriedByTheSdkAndCounted() {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setResponseCode(204));
    CallInfo info = new CallInfo();
    clients(FAST).tsp().healthCheck(RequestOptions.builder().callInfo(info).build());
    assertEquals(2, info.attempts());
    assertEquals(List.of(503, 204), events.stream().map(AttemptEvent::httpStatus).toList());
  }

  @Test
  void retryAfterIsHonouredEvenWhenItExceedsTheDeadline() throws Exception {
    String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusMinutes(5));
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", httpDate));
    server.enqueue(new MockResponse().setResponseCode(204));
    DeadlineExceededException thrown = assertThrows(DeadlineExceededException.class,
        () -> clients(FAST, Duration.ofSeconds(5), Duration.ofSeconds(3)).cof().notifyBindingUpdate(WireCases.model(
            "{\"tokenId\":\"t\",\"deviceId\":\"d\",\"bindingState\":\"DELETED\",\"merchantId\":\"m\",\"eventInitiator\":\"TSP\"}",
            io.tokensdk.model.cof.BindingUpdateNotification.class)));
    assertEquals(1, thrown.attempts());
    CofApiException cause = assertInstanceOf(CofApiException.class, thrown.getCause());
    assertEquals(CofError.SERVICE_UNAVAILABLE, cause.error().orElseThrow());
    assertTrue(cause.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(4)) > 0);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aStormOf503LongerThanTheAttemptLimitEndsWithTheLast503() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(FAST).tsp().healthCheck());
    assertEquals(503, thrown.httpStatus());
    assertTrue(thrown.retryable());
    assertEquals(3, thrown.attempts());
    assertEquals(Set.of(thrown.requestId()), requestIds(3, "x-request-id"));
  }

  @Test
  void responseCode921IsRetriedButOther400sAreNot() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":921}"));
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":112,\"errorMessage\":\"bad\"}"));
    server.enqueue(new MockResponse().setResponseCode(204));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(FAST).tsp().healthCheck());
    assertEquals(TspResponseCode.BAD_PARAMETER_FORMAT, thrown.responseCode().orElseThrow());
    assertEquals(2, thrown.attempts());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aDeadlineShorterThanTheBackoffFailsWithoutASecondAttempt() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(new MockResponse().setResponseCode(204));
    RetryPolicy slow = RetryPolicy.of(5, Duration.ofSeconds(30), Duration.ofSeconds(60));
    DeadlineExceededException thrown = assertThrows(DeadlineExceededException.class,
        () -> clients(slow, Duration.ofSeconds(5), Duration.ofSeconds(2)).tsp().healthCheck());
    assertEquals(1, thrown.attempts());
    assertInstanceOf(TspApiException.class, thrown.getCause());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void theDeadlineCutsAnAttemptThatHangs() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    DeadlineExceededException thrown = assertThrows(DeadlineExceededException.class,
        () -> clients(FAST, Duration.ofSeconds(30), Duration.ofSeconds(1)).tsp().healthCheck());
    assertEquals(1, thrown.attempts());
  }

  @Test
  void a400IsNeverRetried() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":111,\"errorMessage\":\"issuerId\"}"));
    server.enqueue(new MockResponse().setResponseCode(204));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(FAST).tsp().healthCheck());
    assertEquals(TspResponseCode.MISSING_MANDATORY_PARAMETER, thrown.responseCode().orElseThrow());
    assertEquals(1, thrown.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void cof401And404AreNeverRetried() {
    server.enqueue(new MockResponse().setResponseCode(401));
    server.enqueue(new MockResponse().setResponseCode(404));
    var body = WireCases.model("{\"tokenId\":\"t\",\"deviceId\":\"d\",\"selectedIdvMethod\":\"NONE\",\"merchantId\":\"m\"}",
        io.tokensdk.model.cof.BindingCreationNotification.class);
    Clients c = clients(FAST);
    assertEquals(CofError.UNAUTHORIZED, assertThrows(CofApiException.class, () -> c.cof().notifyBindingCreation(body)).error().orElseThrow());
    assertEquals(CofError.NOT_FOUND, assertThrows(CofApiException.class, () -> c.cof().notifyBindingCreation(body)).error().orElseThrow());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void pat1300IsRetriedAnd1399IsNot() throws Exception {
    String envelope = "{\"messageId\":\"" + WireCases.MESSAGE_ID + "\",\"statusCode\":\"%s\",\"statusMessage\":\"x\"}";
    server.enqueue(new MockResponse().setResponseCode(500).setBody(String.format(envelope, "1300")));
    server.enqueue(new MockResponse().setResponseCode(500).setBody(String.format(envelope, "1399")));
    PatApiException thrown = assertThrows(PatApiException.class, () -> clients(FAST).pat().notifyTokenStateChanged(
        WireCases.model("{\"messageId\":\"" + WireCases.MESSAGE_ID + "\",\"conversationId\":\"" + WireCases.CONVERSATION_ID
            + "\",\"token\":{\"tokenReferenceId\":\"T\"},\"tokenRequestor\":{\"tokenRequestorId\":\"40010030273\"},"
            + "\"tokenState\":\"ACTIVE\",\"stateChangeReasonCode\":\"INITIATED_BY_SYSTEM\",\"initiatingChannel\":\"API\","
            + "\"stateChangeTimestamp\":\"2026-11-23T11:00:00+01:00\"}", io.tokensdk.model.pat.TokenStateChangedNotification.class)));
    assertEquals("1399", thrown.rawStatusCode());
    assertEquals(2, thrown.attempts());
    assertEquals(WireCases.MESSAGE_ID, thrown.requestId());
  }

  @Test
  void retriesCanBeTurnedOff() {
    server.enqueue(new MockResponse().setResponseCode(503));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(RetryPolicy.NONE).tsp().healthCheck());
    assertEquals(1, thrown.attempts());
  }

  @Test
  void anUntrustedServerCertificateIsATlsFailureAndNotRetried() throws Exception {
    HeldCertificate untrusted = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(untrusted).build().sslSocketFactory(), false);
    TlsException thrown = assertThrows(TlsException.class, () -> clients(FAST).tsp().healthCheck());
    assertEquals(1, thrown.attempts());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void mutualTlsWithATrustedServerAndAClientCertificateSucceeds() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(ca)
        .addSubjectAlternativeName(InetAddress.getByName("localhost").getCanonicalHostName())
        .addSubjectAlternativeName("localhost").build();
    HeldCertificate clientCert = new HeldCertificate.Builder().signedBy(ca).commonName("tsh-client").build();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert).addTrustedCertificate(ca.certificate())
        .build().sslSocketFactory(), false);
    server.requireClientAuth();
    server.enqueue(new MockResponse().setResponseCode(204));
    java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("c", clientCert.keyPair().getPrivate(), "pw".toCharArray(),
        new java.security.cert.Certificate[] {clientCert.certificate(), ca.certificate()});
    var tsp = new io.tokensdk.client.tsp.TspClient(ClientConfig.builder(server.url("/tsp/trapi/v1.0").toString())
        .trustedCertificates(List.of(ca.certificate())).clientCertificate(keys, "pw".toCharArray())
        .httpLog(SecretLog.sink()).build());
    tsp.healthCheck();
    var recorded = server.takeRequest();
    assertEquals("CN=tsh-client", recorded.getHandshake().peerPrincipal().getName());
  }
}
