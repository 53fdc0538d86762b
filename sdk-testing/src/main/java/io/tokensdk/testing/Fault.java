package io.tokensdk.testing;

import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.server.CofErrorException;
import io.tokensdk.server.PatErrorException;
import io.tokensdk.server.RetryLaterException;
import io.tokensdk.server.TspErrorException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One scripted failure of a fake, for testing a consumer's retry and error handling. Queue faults with
 * {@link FakeApi#failNext(Fault...)}; each applies to one request, in order.
 *
 * <p>{@link #hang} and {@link #reset} act on the connection, before the request is read. The other faults are answered
 * by the SDK's server stubs exactly as a real server built on them would answer the handler's exception, after the
 * request was validated and recorded.
 */
public final class Fault {
  enum Kind { HANG, RESET, ANSWER }

  private final Kind kind;
  private final String description;
  private final Duration hangFor;
  private final Supplier<? extends RuntimeException> answer;

  private Fault(Kind kind, String description, Duration hangFor, Supplier<? extends RuntimeException> answer) {
    this.kind = kind;
    this.description = description;
    this.hangFor = hangFor;
    this.answer = answer;
  }

  /**
   * The spec's "try again later": TSP and COF 503 with {@code Retry-After}, PAT 500 with statusCode 1300 and
   * {@code Retry-After}. Clients retry it.
   *
   * @param retryAfter the {@code Retry-After} to send (whole seconds)
   * @return the fault
   */
  public static Fault retryLater(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return new Fault(Kind.ANSWER, "retry later (" + retryAfter + ")", null, () -> new RetryLaterException(retryAfter));
  }

  /**
   * A TSP {@code errorRes} on HTTP 400 with {@code code}.
   *
   * @param code the response code
   * @return the fault
   */
  public static Fault tspError(TspResponseCode code) {
    Objects.requireNonNull(code, "code");
    return new Fault(Kind.ANSWER, "TSP errorRes " + code, null, () -> new TspErrorException(code));
  }

  /**
   * A COF error status without body: 400, 404, 429, 500 or 503.
   *
   * @param status the HTTP status
   * @return the fault
   */
  public static Fault cofError(int status) {
    new CofErrorException(status);   // refuses a status the COF spec does not define, now rather than at request time
    return new Fault(Kind.ANSWER, "COF " + status, null, () -> new CofErrorException(status));
  }

  /**
   * A PAT envelope with {@code statusCode}: 1301 on HTTP 400, 1300 or 1399 on HTTP 500.
   *
   * @param statusCode the status code
   * @return the fault
   */
  public static Fault patError(StatusCode statusCode) {
    Objects.requireNonNull(statusCode, "statusCode");
    return new Fault(Kind.ANSWER, "PAT " + statusCode, null,
        () -> new PatErrorException(statusCode, "scripted by the test"));
  }

  /**
   * Holds the request without answering until {@code duration} has passed or the fake stops, then drops the
   * connection: for testing read timeouts and deadlines.
   *
   * @param duration how long to hold the request
   * @return the fault
   */
  public static Fault hang(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    return new Fault(Kind.HANG, "hang (" + duration + ")", duration, null);
  }

  /**
   * Resets the connection (TCP RST) when the request arrives, before anything is answered. Over TLS, the SDK client
   * reads a reset of a new connection as a refused client certificate ({@code TlsException}, never retried); a reset of
   * a connection that has answered before is a {@code NetworkException} that the default policy retries.
   *
   * @return the fault
   */
  public static Fault reset() {
    return new Fault(Kind.RESET, "connection reset", null, null);
  }

  Kind kind() {
    return kind;
  }

  Duration hangFor() {
    return hangFor;
  }

  RuntimeException answer() {
    return answer.get();
  }

  @Override
  public String toString() {
    return description;
  }
}
