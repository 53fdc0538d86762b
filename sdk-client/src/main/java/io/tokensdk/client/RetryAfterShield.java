package io.tokensdk.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from retrying on its own. OkHttp silently repeats a request once when a 503 carries
 * {@code Retry-After: 0}, which would hide an attempt from the SDK's count, its listener and its deadline. This network
 * interceptor moves the header out of OkHttp's sight; {@link ResponseReader} reads it back.
 */
final class RetryAfterShield implements Interceptor {
  static final String SHIELDED = "X-TokenSdk-Retry-After";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    return response.newBuilder().removeHeader("Retry-After").header(SHIELDED, retryAfter).build();
  }

  /** The Retry-After the server sent, whether shielded or not. */
  static String retryAfter(Response response) {
    String shielded = response.header(SHIELDED);
    return shielded != null ? shielded : response.header("Retry-After");
  }
}
