package io.tokensdk.server.jetty;

import io.tokensdk.server.ServerResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Copies a dispatcher's {@link ServerResponse} to a Jetty response, byte for byte. Known header names go to Jetty as
 * their {@link HttpHeader}, which Jetty writes without looking the name up again; the constant pairs of the JSON
 * answers go as fields encoded once; {@code Content-Length} as a number, which Jetty need not parse back.
 */
final class ResponseWriter {
  private static final HttpField JSON_CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
      ServerResponse.JSON);
  private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

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
    answer.headers().forEach((name, value) -> headers.put(field(name, value)));
    if (close) {
      headers.put(HttpHeader.CONNECTION, "close");
    }
    byte[] body = answer.body();
    headers.put(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, body.length));
    response.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), callback);
  }

  /**
   * The field of one header. Jetty writes a known header under its own spelling of the name, whichever spelling the
   * field was given, so every field here gives the same bytes on the wire as {@code put(name, value)} did.
   */
  static HttpField field(String name, String value) {
    HttpHeader header = HttpHeader.CACHE.get(name);
    if (header == HttpHeader.CONTENT_TYPE && ServerResponse.JSON.equals(value)) {
      return JSON_CONTENT_TYPE;
    }
    if (header == HttpHeader.CACHE_CONTROL && "no-store".equals(value)) {
      return NO_STORE;
    }
    return new HttpField(header, name, value);
  }
}
