package io.tokensdk.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small HTTP client for the tests, over OkHttp on loopback. */
final class Http {
  static final MediaType JSON = MediaType.get("application/json");

  /** An answer: status, headers and body text. */
  record Reply(int code, Headers headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  final OkHttpClient client;
  final String base;

  Http(String base) {
    this(base, new OkHttpClient.Builder());
  }

  Http(String base, OkHttpClient.Builder builder) {
    this.base = base;
    this.client = builder.readTimeout(20, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
  }

  /** Sends {@code body} (JSON unless {@code contentType} says otherwise; null for none) with name/value headers. */
  Reply send(String method, String path, String body, MediaType contentType, String... headers) throws IOException {
    RequestBody requestBody = body == null ? null
        : RequestBody.create(body.getBytes(StandardCharsets.UTF_8), contentType);
    if (requestBody == null && (method.equals("POST") || method.equals("PUT"))) {
      requestBody = RequestBody.create(new byte[0], null);
    }
    Request.Builder request = new Request.Builder().url(base + path).method(method, requestBody);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    }
  }

  Reply send(String method, String path, String body, String... headers) throws IOException {
    return send(method, path, body, JSON, headers);
  }

  void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
