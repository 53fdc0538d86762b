package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.spec.SpecId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An answer cut after {@code HTTP/1.1 200 OK}, in the middle of its headers, on a raw loopback socket: the server has
 * acted, so the request is resent only when the operation is safe to resend (the spec says the server deduplicates it by
 * its idempotency key, or that it is read-only). Walks every operation of the three specs, as the specs say and against
 * a server that deduplicates nothing.
 */
@ExtendWith(SecretLog.class)
class CutAnswerTest {
  private static final String CUT = "HTTP/1.1 200 OK\r\nContent-Type: appl";

  static Stream<WireCase> cases() {
    return WireCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aCutMidHeadersIsResentWhenTheSpecSaysTheOperationIsSafeToResend(WireCase wire) throws Exception {
    SpecId spec = ClientWireTest.specOf(wire.path());
    cutThenAnswer(wire, Resend.safe(spec, wire.operationId()), b -> b);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aCutMidHeadersIsNotResentToAServerThatDoesNotDeduplicate(WireCase wire) throws Exception {
    cutThenAnswer(wire, false, b -> b.retrySafety((spec, operationId) -> false));
  }

  private static void cutThenAnswer(WireCase wire, boolean resendSafe, UnaryOperator<ClientConfig.Builder> customize)
      throws Exception {
    SpecId spec = ClientWireTest.specOf(wire.path());
    try (RawHttpServer server = new RawHttpServer()) {
      server.answer(CUT).answer(complete(wire));
      Clients clients = Clients.against(server::url, b -> customize.apply(
          b.retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(1), Duration.ofSeconds(1))).timing(new FakeTiming())));
      CallInfo info = new CallInfo();
      RequestOptions options = RequestOptions.builder().callInfo(info).build();

      if (resendSafe) {
        wire.call().apply(clients, options);
        assertEquals(2, info.attempts());
        assertEquals(2, server.requests().size(), "the server saw the request twice");
        assertEquals(1, server.requests().stream().map(r -> idOf(spec, r)).distinct().count(), "with one id");
      } else {
        NetworkException thrown = assertThrows(NetworkException.class, () -> wire.call().apply(clients, options));
        assertEquals(1, thrown.attempts());
        assertTrue(thrown.getMessage().contains("not resent"), thrown.getMessage());
        assertEquals(1, server.requests().size(), "the server saw the request once");
      }
    }
  }

  private static String complete(WireCase wire) {
    byte[] body = wire.responseJson() == null ? new byte[0] : wire.responseJson().getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 " + wire.successStatus() + " OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1);
  }

  private static String idOf(SpecId spec, String request) {
    if (spec == SpecId.PAT) {
      Matcher id = Pattern.compile("\"messageId\":\"([^\"]+)\"").matcher(request);
      assertTrue(id.find(), request);
      return id.group(1);
    }
    String header = spec == SpecId.TSP ? "x-request-id:" : "x-correlation-id:";
    return List.of(request.split("\r\n")).stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(header))
        .findFirst().orElseThrow();
  }
}
