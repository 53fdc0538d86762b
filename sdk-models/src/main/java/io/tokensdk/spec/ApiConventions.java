package io.tokensdk.spec;

import io.tokensdk.model.cof.CofConventions;
import io.tokensdk.model.pat.PatConventions;
import io.tokensdk.model.tsp.TspConventions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The protocol rules of one API, as its spec states them in the {@code x-tokensdk-*} vendor extensions (see
 * {@code specs/README.md}): where each operation's idempotency key is, which operations the server deduplicates and which
 * are safe to retry, which answers are retryable, the code table, and the sensitivity of each field. One implementation
 * per API is generated from its spec ({@code TspConventions}, {@code CofConventions}, {@code PatConventions}); the
 * client and the server both read it, so no rule is written twice.
 */
public interface ApiConventions {

  /** The conventions of {@code spec}. */
  static ApiConventions of(SpecId spec) {
    return switch (spec) {
      case TSP -> TspConventions.INSTANCE;
      case COF -> CofConventions.INSTANCE;
      case PAT -> PatConventions.INSTANCE;
    };
  }

  /** The conventions of every API, in {@link SpecId} order. */
  static List<ApiConventions> all() {
    return List.of(TspConventions.INSTANCE, CofConventions.INSTANCE, PatConventions.INSTANCE);
  }

  /**
   * The headers that carry an idempotency key in any API ({@code x-request-id}, {@code x-correlation-id}), lower case, in
   * {@link SpecId} order; for hosts that log or echo a request's id before an API is chosen.
   */
  static List<String> idempotencyHeaders() {
    return all().stream().flatMap(conventions -> conventions.operationIds().stream().sorted()
            .map(conventions::idempotencyKey).filter(key -> key.location() == IdempotencyKey.Location.HEADER)
            .map(IdempotencyKey::name))
        .distinct().toList();
  }

  /** The API these conventions belong to. */
  SpecId spec();

  /** Every operationId of the spec. */
  Set<String> operationIds();

  /**
   * Where the idempotency key of {@code operationId} travels ({@code x-tokensdk-idempotency-key}).
   *
   * @throws IllegalArgumentException for an operationId the spec does not have
   */
  IdempotencyKey idempotencyKey(String operationId);

  /**
   * Whether the server deduplicates {@code operationId} by its idempotency key ({@code x-tokensdk-deduplicated}): a
   * redelivery gets the first answer again instead of running the handler again.
   *
   * @throws IllegalArgumentException for an operationId the spec does not have
   */
  boolean deduplicated(String operationId);

  /**
   * Whether {@code operationId} changes nothing on the server ({@code x-tokensdk-read-only}), so that running it twice is
   * harmless by nature.
   *
   * @throws IllegalArgumentException for an operationId the spec does not have
   */
  boolean readOnly(String operationId);

  /**
   * Whether a request of {@code operationId} that may have reached the server can be sent again: it is
   * {@link #deduplicated deduplicated} or {@link #readOnly read-only}.
   *
   * @throws IllegalArgumentException for an operationId the spec does not have
   */
  default boolean retrySafe(String operationId) {
    return deduplicated(operationId) || readOnly(operationId);
  }

  /** The HTTP statuses that are retryable whatever the body says ({@code x-tokensdk-retryable}, or an {@code in: status} table). */
  Set<Integer> retryableStatuses();

  /**
   * Whether an answer is retryable: its status is {@link #retryableStatuses() retryable}, or its code is marked retryable in
   * the code table and came with the HTTP status the table gives it.
   *
   * @param httpStatus the answer's HTTP status
   * @param code the code the answer carries in its body (see {@link #codeField()}), or null when it carries none
   */
  default boolean retryable(int httpStatus, String code) {
    if (retryableStatuses().contains(httpStatus)) {
      return true;
    }
    return code != null && code(code).map(entry -> entry.retryable() && entry.httpStatus() == httpStatus).orElse(false);
  }

  /** The body field that carries the code ({@code responseCode}, {@code statusCode}); empty when the HTTP status is the code. */
  Optional<String> codeField();

  /** The code table ({@code x-tokensdk-codes}), in the spec's order. */
  List<ProtocolCode> codes();

  /** The table entry of {@code code} as written on the wire (e.g. {@code "921"}, {@code "1300"}, {@code "429"}). */
  default Optional<ProtocolCode> code(String code) {
    return codes().stream().filter(entry -> entry.value().equals(code)).findFirst();
  }

  /**
   * The HTTP status that goes with {@code code}.
   *
   * @throws IllegalArgumentException for a code that is not in the table
   */
  default int httpStatus(String code) {
    return code(code).map(ProtocolCode::httpStatus)
        .orElseThrow(() -> new IllegalArgumentException(spec() + ": code not in the spec's table: " + code));
  }

  /** The sensitivity of {@code property} of the schema {@code schemaName} ({@code x-tokensdk-sensitive}). */
  Optional<Sensitivity> sensitivity(String schemaName, String property);

  /**
   * The sensitivity of a body field named {@code property} (case-insensitive) in any schema of the spec, or of a plaintext
   * field of an encrypted payload ({@code x-tokensdk-payload-fields}, e.g. {@code fpan}, {@code cvv}), the most protective
   * one when they disagree; for redacting JSON whose schema is not known.
   */
  Optional<Sensitivity> fieldSensitivity(String property);

  /** The sensitivity of the header {@code name} (case-insensitive). */
  Optional<Sensitivity> headerSensitivity(String name);
}
