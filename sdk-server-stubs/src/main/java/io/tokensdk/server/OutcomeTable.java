package io.tokensdk.server;

import com.google.gson.JsonElement;
import io.tokensdk.spec.Violation;

/**
 * The one table from what a handler threw to what the spec answers (the README's "What a handler's exceptions answer"
 * shows it). In order:
 * <ol>
 *   <li>{@link RetryLaterException}: the API's retryable answer with {@code Retry-After};</li>
 *   <li>the API's typed errors ({@link TspErrorException}, {@link CofErrorException}, {@link PatErrorException},
 *       {@link OperationNotSupportedException}): the answer they name;</li>
 *   <li>an exception with a mapper registered on the mount: the answer of the typed exception it maps to;</li>
 *   <li>an encrypted payload that cannot be opened or is invalid ({@code EnvelopeOpenException},
 *       {@code InvalidPayloadException}, also as a cause): the API's non-retryable "bad request";</li>
 *   <li>anything else, a null result or a result that breaks the spec: the API's unexpected-error answer.</li>
 * </ol>
 */
final class OutcomeTable {
  static final Violation BAD_PAYLOAD = new Violation("body", Violation.Kind.BAD_FORMAT,
      "bad parameter format: body (an encrypted value cannot be opened or is invalid)");

  private final ApiProfile profile;
  private final MountOptions options;

  OutcomeTable(ApiProfile profile, MountOptions options) {
    this.profile = profile;
    this.options = options;
  }

  Answer answer(Exception error, JsonElement requestBody) {
    Answer typed = typed(error, requestBody);
    if (typed != null) {
      return typed;
    }
    ExceptionMapper<Throwable> mapper = options.mapperFor(error);
    if (mapper != null) {
      Answer mapped = typed(map(mapper, error), requestBody);
      return mapped != null ? mapped : new Answer(profile.unexpected(requestBody), ServerEvent.Outcome.HANDLER_FAILED, error);
    }
    if (PayloadErrors.isBadPayload(error)) {
      return new Answer(profile.invalid(BAD_PAYLOAD, requestBody), ServerEvent.Outcome.BAD_PAYLOAD, error);
    }
    ServerEvent.Outcome outcome = error instanceof ResponseWriter.NullResultException ? ServerEvent.Outcome.NULL_RESULT
        : error instanceof ResponseWriter.InvalidResponseException ? ServerEvent.Outcome.INVALID_RESPONSE
        : ServerEvent.Outcome.HANDLER_FAILED;
    return new Answer(profile.unexpected(requestBody), outcome, error);
  }

  private Answer typed(Exception error, JsonElement requestBody) {
    if (error instanceof RetryLaterException later) {
      return Answer.of(profile.retryLater(later.retryAfter(), requestBody), ServerEvent.Outcome.RETRY_LATER);
    }
    ServerResponse business = error == null ? null : profile.businessError(error, requestBody);
    return business == null ? null : Answer.of(business, ServerEvent.Outcome.BUSINESS_ERROR);
  }

  private static Exception map(ExceptionMapper<Throwable> mapper, Exception error) {
    try {
      return mapper.map(error);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
