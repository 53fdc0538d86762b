package io.tokensdk.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A complete HTTP answer (status, headers, body) produced by the {@link TokenSdkDispatcher}. Adapters copy it to the
 * wire as is, so every server answers byte for byte the same. Immutable; a dedupe store may keep and serialize it.
 */
public final class ServerResponse {
  /** The content type of every JSON answer. */
  public static final String JSON = "application/json; charset=utf-8";
  private static final byte[] NO_BODY = new byte[0];
  private static final byte ENCODING_VERSION = 1;
  private static final Headers JSON_HEADERS = Headers.NONE.with(Map.entry("Content-Type", JSON));

  private final int status;
  private final Headers headers;
  private final byte[] body;

  /**
   * An answer; {@code body} may be empty.
   *
   * @param status the HTTP status
   * @param headers header names and values, in order; none of them null
   * @param body the body bytes, copied
   */
  public ServerResponse(int status, Map<String, String> headers, byte[] body) {
    this(status, body == null ? NO_BODY : body.clone(), Headers.copyOf(Objects.requireNonNull(headers, "headers")));
  }

  /** An answer over headers and a body that nothing else holds: neither is copied. */
  private ServerResponse(int status, byte[] body, Headers headers) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** An answer without a body. */
  public static ServerResponse empty(int status) {
    return new ServerResponse(status, NO_BODY, Headers.NONE);
  }

  /** A JSON answer ({@value #JSON}). */
  public static ServerResponse json(int status, String json) {
    return new ServerResponse(status, Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8),
        JSON_HEADERS);
  }

  /** A JSON answer ({@value #JSON}) of UTF-8 bytes that nothing else holds: they are not copied. */
  static ServerResponse jsonBytes(int status, byte[] utf8) {
    return new ServerResponse(status, Objects.requireNonNull(utf8, "utf8"), JSON_HEADERS);
  }

  /** This answer with one more header (replacing one of the same name). */
  public ServerResponse withHeader(String name, String value) {
    return new ServerResponse(status, body,
        headers.with(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"))));
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The headers, unmodifiable, in order. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A copy of the body; empty when there is none. */
  public byte[] body() {
    return body.clone();
  }

  /** The body's length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** True for 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /**
   * This answer as bytes (status, headers, body), for a shared {@link DedupeStore} to keep and replay byte for byte.
   * {@link #decode} reads it back.
   */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(ENCODING_VERSION);
      out.writeShort(status);
      out.writeShort(headers.size());
      for (Map.Entry<String, String> header : headers.entrySet()) {
        out.writeUTF(header.getKey());
        out.writeUTF(header.getValue());
      }
      out.writeInt(body.length);
      out.write(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an answer written by {@link #encode}.
   *
   * @throws IllegalArgumentException when the bytes are not such an answer
   */
  public static ServerResponse decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readByte() != ENCODING_VERSION) {
        throw new IllegalArgumentException("not an encoded ServerResponse");
      }
      int status = in.readUnsignedShort();
      int count = in.readUnsignedShort();
      @SuppressWarnings("unchecked")
      Map.Entry<String, String>[] read = new Map.Entry[count];
      for (int i = 0; i < count; i++) {
        read[i] = Map.entry(in.readUTF(), in.readUTF());
      }
      int length = in.readInt();
      if (length < 0 || length != in.available()) {
        throw new IllegalArgumentException("not an encoded ServerResponse");
      }
      byte[] body = new byte[length];
      in.readFully(body);
      return new ServerResponse(status, body, Headers.NONE.with(read, count));
    } catch (IOException e) {
      throw new IllegalArgumentException("not an encoded ServerResponse", e);
    }
  }

  @Override
  public String toString() {
    return "ServerResponse{" + status + ", " + headers + ", " + body.length + " bytes}";
  }
}
