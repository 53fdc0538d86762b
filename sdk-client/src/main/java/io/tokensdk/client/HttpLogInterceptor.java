package io.tokensdk.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The opt-in HTTP log as an OkHttp application interceptor: one redacted line per request and per answer (or failure).
 * The request body is the text the request factory serialised, read from the attempt's tag instead of being serialised
 * again; the answer body is buffered once and handed on unchanged.
 */
final class HttpLogInterceptor implements Interceptor {
  private final HttpLog log;
  private final LogRedactor redactor;
  private final CallTiming timing;

  HttpLogInterceptor(HttpLog log, LogRedactor redactor, CallTiming timing) {
    this.log = log;
    this.redactor = redactor;
    this.timing = timing;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    AttemptTag tag = request.tag(AttemptTag.class);
    String path = request.url().encodedPath();
    write("--> " + request.method() + " " + path + (tag == null ? "" : " (attempt " + tag.attempt() + ")")
        + headers(request) + body(tag == null ? null : tag.bodyText()));
    long started = timing.nanoTime();
    Response response;
    byte[] bytes;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      write("<-- " + path + " failed: " + e.getClass().getSimpleName());
      throw e;
    }
    ResponseBody body = response.body();
    try {
      bytes = body == null ? new byte[0] : body.bytes();
    } catch (IOException e) {
      write("<-- " + response.code() + " " + path + " cut off: " + e.getClass().getSimpleName());
      throw e;
    }
    write("<-- " + response.code() + " " + path + " (" + Duration.ofNanos(timing.nanoTime() - started).toMillis() + " ms)"
        + body(new String(bytes, StandardCharsets.UTF_8)));
    return response.newBuilder().body(ResponseBody.create(bytes, body == null ? null : body.contentType())).build();
  }

  private String headers(Request request) {
    StringBuilder out = new StringBuilder();
    request.headers().forEach(h -> out.append(' ').append(h.getFirst()).append(": ")
        .append(redactor.header(h.getFirst(), h.getSecond())).append(';'));
    return out.toString();
  }

  private String body(String text) {
    return text == null || text.isEmpty() ? "" : " " + redactor.body(text);
  }

  private void write(String line) {
    try {
      log.log(line);
    } catch (RuntimeException ignored) {
      // Logging must not break the call.
    }
  }
}
