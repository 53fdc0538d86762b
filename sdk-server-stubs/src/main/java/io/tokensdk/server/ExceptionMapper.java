package io.tokensdk.server;

/**
 * Turns a domain exception thrown by a handler into the API's typed answer, as Javalin's exception mappers or Helidon's
 * error handlers do: registered per mount with {@link MountOptions.Builder#mapException}. The result must be one of the
 * exceptions the SDK answers by the spec ({@link TspErrorException}, {@link CofErrorException},
 * {@link PatErrorException}, {@link RetryLaterException}); anything else (or null) is answered as an unexpected failure.
 *
 * <pre>{@code
 * MountOptions.builder()
 *     .mapException(TokenNotFound.class, e -> new TspErrorException(TspResponseCode.UNKNOWN_TOKEN))
 *     .mapException(VaultUnavailable.class, e -> new RetryLaterException(Duration.ofSeconds(5)))
 * }</pre>
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ExceptionMapper<E extends Throwable> {
  /** The typed exception whose answer is sent for {@code exception}. */
  RuntimeException map(E exception);
}
