package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.tsp.TspResponseCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults on a real loopback connection: each gives the documented exception or result, with the right attempt count, and
 * the server sees exactly the expected requests, all with one stable id. The retry logic runs on a fake clock: backoffs of
 * seconds take no real time, and every wait is asserted.
 */
@ExtendWith(SecretLog.class)
class FaultMatrixTest {
  /** Long backoffs: on the fake clock they cost nothing, and a real sleep would make the test time out. */
  private static final RetryPolicy SLOW = RetryPolicy.of(3, Duration.ofSeconds(10), Duration.ofSeconds(40));

  @AutoClose
  private final MockWebServer server = Loopback.server();
  private final FakeTiming timing = new FakeTiming();
  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

  private Clients clients(RetryPolicy policy, Duration readTimeout, Duration deadline) {
    return Clients.against(server, b -> b.retryPolicy(policy).readTimeout(readTimeout).callDeadline(deadline)
        .listener(events::add).timing(timing));
  }

  private Clients clients(RetryPolicy policy) {
    return clients(policy, Duration.ofSeconds(5), Duration.ofMinutes(5));
  }

  private static void assertBackoffs(int count, List<Duration> waits) {
    assertEquals(count, waits.size(), waits.toString());
    for (int i = 0; i < count; i++) {
      Duration cap = Duration.ofSeconds(Math.min(40, 10L << i));
      assertTrue(waits.get(i).compareTo(cap.dividedBy(2)) >= 0 && waits.get(i).compareTo(cap) <= 0, waits.toString());
    }
  }

  private static io.tokensdk.model.tsp.CreateTokenReq createTokenReq() {
    return WireCases.model("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\"}",
        io.tokensdk.model.tsp.CreateTokenReq.class);
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

    clients(SLOW).tsp().healthCheck(RequestOptions.builder().callInfo(info).build());

    assertEquals(3, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(3, "x-request-id"));
    assertEquals(List.of(AttemptEvent.Outcome.RETRYABLE_FAILURE, AttemptEvent.Outcome.RETRYABLE_FAILURE,
        AttemptEvent.Outcome.SUCCESS), events.stream().map(AttemptEvent::outcome).toList());
    assertEquals(List.of(1, 2, 3), events.stream().map(AttemptEvent::attempt).toList());
    assertEquals(List.of(0, 0, 204), events.stream().map(AttemptEvent::httpStatus).toList());
    assertBackoffs(2, timing.waits());
  }

  @Test
  void disconnectsUpToTheAttemptLimitGiveANetworkException() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    }
    NetworkException thrown = assertThrows(NetworkException.class, () -> clients(SLOW).tsp().healthCheck());
    assertEquals(3, thrown.attempts());
    assertEquals(Set.of(thrown.requestId()), requestIds(3, "x-request-id"));
  }

  /** Clients of a TSP server that, unlike the spec says, does not deduplicate createToken. */
  private Clients withoutCreateTokenDedupe(Duration readTimeout) {
    return Clients.against(server, b -> b.retryPolicy(SLOW).readTimeout(readTimeout).callDeadline(Duration.ofMinutes(5))
        .listener(events::add).timing(timing).retrySafety((spec, operationId) -> !operationId.equals("createToken")));
  }

  @Test
  void disconnectInTheMiddleOfTheBodyOfANonDeduplicatedPostIsNotRetried() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"" + "x".repeat(64 * 1024) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"tok-2\"}"));
    NetworkException thrown = assertThrows(NetworkException.class,
        () -> withoutCreateTokenDedupe(Duration.ofSeconds(5)).tsp().createToken(createTokenReq()));
    assertEquals(1, thrown.attempts());
    assertTrue(thrown.getMessage().contains("not resent"), thrown.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void disconnectInTheMiddleOfTheBodyOfADeduplicatedPostIsRetriedWithTheSameId() throws Exception {
    assertTrue(Resend.safe(io.tokensdk.spec.SpecId.TSP, "createToken"), "the spec marks createToken deduplicated");
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"" + "x".repeat(64 * 1024) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"tok-1\",\"tokenInfo\":{\"exp\":\"1229\",\"last4\":\"0001\","
        + "\"encryptedData\":\"" + WireCases.JWE + "\"}}"));
    CallInfo info = new CallInfo();
    assertEquals("tok-1", clients(SLOW).tsp().createToken(createTokenReq(), RequestOptions.builder().callInfo(info).build())
        .getTokenId());
    assertEquals(2, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(2, "x-request-id"));
  }

  @Test
  void eachAttemptJudgesOnlyWhatItselfReached() throws Exception {
    // the first attempt is sent and its answer cut; the server is then gone, so the retries cannot connect at all
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"" + "x".repeat(64 * 1024) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    Clients clients = Clients.against(server, b -> b.retryPolicy(SLOW).callDeadline(Duration.ofMinutes(5))
        .timing(timing).listener(event -> {
          events.add(event);
          if (event.attempt() == 1) {
            stopServer();
          }
        }));

    NetworkException thrown = assertThrows(NetworkException.class, () -> clients.tsp().createToken(createTokenReq()));

    assertEquals(3, thrown.attempts());
    assertEquals(1, server.getRequestCount());
    assertTrue(thrown.getMessage().contains("could not connect, the request was not sent"), thrown.getMessage());
  }

  private void stopServer() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void disconnectInTheMiddleOfTheBodyOfAGetIsRetried() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"encryptedData\":\"" + "x".repeat(64 * 1024) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    server.enqueue(new MockResponse().setBody("{\"encryptedData\":\"" + WireCases.JWE + "\"}"));
    CallInfo info = new CallInfo();
    assertEquals(WireCases.JWE, clients(SLOW).tsp().getTokenCredentials(WireCases.ISSUER, WireCases.TOKEN,
        RequestOptions.builder().callInfo(info).build()).getEncryptedData());
    assertEquals(2, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(2, "x-request-id"));
  }

  @Test
  void aBodySlowerThanTheReadTimeoutOfANonDeduplicatedPostIsATimeoutAndNotRetried() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"slow-body\"}").setBodyDelay(2, TimeUnit.SECONDS));
    ApiTimeoutException thrown = assertThrows(ApiTimeoutException.class,
        () -> withoutCreateTokenDedupe(Duration.ofMillis(300)).tsp().createToken(createTokenReq()));
    assertTrue(!(thrown instanceof DeadlineExceededException));
    assertEquals(1, thrown.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void noAnswerBeforeTheReadTimeoutOfANonDeduplicatedPostIsNotRetried() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"tok-1\"}").setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(new MockResponse().setBody("{\"tokenId\":\"tok-2\"}"));
    ApiTimeoutException thrown = assertThrows(ApiTimeoutException.class,
        () -> withoutCreateTokenDedupe(Duration.ofMillis(300)).tsp().createToken(createTokenReq()));
    assertEquals(1, thrown.attempts());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void noAnswerBeforeTheReadTimeoutIsRetried() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204).setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(new MockResponse().setResponseCode(204));
    CallInfo info = new CallInfo();
    clients(SLOW, Duration.ofMillis(300), Duration.ofMinutes(5)).tsp()
        .healthCheck(RequestOptions.builder().callInfo(info).build());
    assertEquals(2, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(2, "x-request-id"));
  }

  @Test
  void tooManyRequestsWithRetryAfterSecondsIsRetriedWithTheSameCorrelationId() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "0"));
    server.enqueue(new MockResponse().setResponseCode(204));
    CallInfo info = new CallInfo();
    clients(SLOW).cof().notifyBindingCreation(WireCases.model("{\"tokenId\":\"t\",\"deviceId\":\"d\","
            + "\"selectedIdvMethod\":\"NONE\",\"merchantId\":\"m\"}", io.tokensdk.model.cof.BindingCreationNotification.class),
        RequestOptions.builder().callInfo(info).build());
    assertEquals(2, info.attempts());
    assertEquals(Set.of(info.requestId()), requestIds(2, "x-correlation-id"));
    assertEquals(List.of(Duration.ZERO), timing.waits(), "Retry-After: 0 replaces the backoff");
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
    clients(SLOW).tsp().healthCheck(RequestOptions.builder().callInfo(info).build());
    assertEquals(2, info.attempts());
    assertEquals(List.of(503, 204), events.stream().map(AttemptEvent::httpStatus).toList());
    assertEquals(List.of(Duration.ZERO), timing.waits());
  }

  @Test
  void retryAfterIsHonouredEvenWhenItExceedsTheDeadline() throws Exception {
    String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        timing.wallClock().instant().plus(Duration.ofMinutes(5)).atZone(java.time.ZoneOffset.UTC));
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", httpDate));
    server.enqueue(new MockResponse().setResponseCode(204));
    DeadlineExceededException thrown = assertThrows(DeadlineExceededException.class,
        () -> clients(SLOW, Duration.ofSeconds(5), Duration.ofSeconds(3)).cof().notifyBindingUpdate(WireCases.model(
            "{\"tokenId\":\"t\",\"deviceId\":\"d\",\"bindingState\":\"DELETED\",\"merchantId\":\"m\",\"eventInitiator\":\"TSP\"}",
            io.tokensdk.model.cof.BindingUpdateNotification.class)));
    assertEquals(1, thrown.attempts());
    CofApiException cause = assertInstanceOf(CofApiException.class, thrown.getCause());
    assertEquals(CofError.SERVICE_UNAVAILABLE, cause.error().orElseThrow());
    assertTrue(cause.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(4)) > 0);
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), timing.waits(), "no wait into the deadline");
  }

  @Test
  void aStormOf503LongerThanTheAttemptLimitEndsWithTheLast503() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(SLOW).tsp().healthCheck());
    assertEquals(503, thrown.httpStatus());
    assertTrue(thrown.retryable());
    assertEquals(3, thrown.attempts());
    assertEquals(Set.of(thrown.requestId()), requestIds(3, "x-request-id"));
    assertBackoffs(2, timing.waits());
  }

  @Test
  void waitsThatWouldCrossTheDeadlineEndTheCallOnTheFakeClock() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "10"));
    }
    DeadlineExceededException thrown = assertThrows(DeadlineExceededException.class,
        () -> clients(RetryPolicy.of(10, Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ofSeconds(5),
            Duration.ofSeconds(25)).tsp().healthCheck());
    assertEquals(3, thrown.attempts(), "waits at 10 s and 20 s fit in 25 s, a third would end at 30 s");
    assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), timing.waits());
    assertInstanceOf(TspApiException.class, thrown.getCause());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void responseCode921IsRetriedButOther400sAreNot() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":921}"));
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":112,\"errorMessage\":\"bad\"}"));
    server.enqueue(new MockResponse().setResponseCode(204));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(SLOW).tsp().healthCheck());
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
        () -> clients(SLOW, Duration.ofSeconds(30), Duration.ofSeconds(1)).tsp().healthCheck());
    assertEquals(1, thrown.attempts());
  }

  @Test
  void a400IsNeverRetried() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"responseCode\":111,\"errorMessage\":\"issuerId\"}"));
    server.enqueue(new MockResponse().setResponseCode(204));
    TspApiException thrown = assertThrows(TspApiException.class, () -> clients(SLOW).tsp().healthCheck());
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
    Clients c = clients(SLOW);
    assertEquals(CofError.UNAUTHORIZED, assertThrows(CofApiException.class, () -> c.cof().notifyBindingCreation(body)).error().orElseThrow());
    assertEquals(CofError.NOT_FOUND, assertThrows(CofApiException.class, () -> c.cof().notifyBindingCreation(body)).error().orElseThrow());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void pat1300IsRetriedAnd1399IsNot() throws Exception {
    String envelope = "{\"messageId\":\"" + WireCases.MESSAGE_ID + "\",\"statusCode\":\"%s\",\"statusMessage\":\"x\"}";
    server.enqueue(new MockResponse().setResponseCode(500).setBody(String.format(envelope, "1300")));
    server.enqueue(new MockResponse().setResponseCode(500).setBody(String.format(envelope, "1399")));
    PatApiException thrown = assertThrows(PatApiException.class, () -> clients(SLOW).pat().notifyTokenStateChanged(
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
    TlsException thrown = assertThrows(TlsException.class, () -> clients(SLOW).tsp().healthCheck());
    assertEquals(1, thrown.attempts());
    assertTrue(thrown.getMessage().contains("server certificate is not trusted"), thrown.getMessage());
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
