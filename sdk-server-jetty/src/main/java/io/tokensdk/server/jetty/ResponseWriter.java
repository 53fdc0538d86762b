package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Copies a dispatcher's {@link ServerResponse} to a Jetty response, byte for byte. */
final class ResponseWriter {
  private ResponseWriter() {
  }

  /**
   * Writes {@code answer} and completes {@code callback}.
   *
   * @param close true to add {@code Connection: close} (the connection is then closed after the answer)
   */
  static void write(Response response, ServerResponse answer, boolean close, Callback callback) {
    if (response.isCommitted()) {
      callback.failed(new IllegalStateException("answer already started"));
      return;
    }
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      headers.put(header.getKey(), header.getValue());
    }
    if (close) {
      headers.put(HttpHeader.CONNECTION, "close");
    }
    byte[] body = answer.body();
    headers.put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
    response.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), callback);
  }
}
