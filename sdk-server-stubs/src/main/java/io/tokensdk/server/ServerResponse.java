package io.tokensdk.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
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
  private static final Map<String, String> JSON_HEADERS = Collections.unmodifiableMap(
      new LinkedHashMap<>(Map.of("Content-Type", JSON)));

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  /**
   * An answer; {@code body} may be empty.
   *
   * @param status the HTTP status
   * @param headers header names and values, in order
   * @param body the body bytes, copied
   */
  public ServerResponse(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    this.body = body == null ? NO_BODY : body.clone();
  }

  /** An answer over an unmodifiable header map and a body that nothing else holds: neither is copied. */
  private ServerResponse(int status, byte[] body, Map<String, String> unmodifiableHeaders) {
    this.status = status;
    this.headers = unmodifiableHeaders;
    this.body = body;
  }

  /** An answer without a body. */
  public static ServerResponse empty(int status) {
    return new ServerResponse(status, Map.of(), NO_BODY);
  }

  /** A JSON answer ({@value #JSON}). */
  public static ServerResponse json(int status, String json) {
    return new ServerResponse(status, Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8),
        JSON_HEADERS);
  }

  /** This answer with one more header (replacing one of the same name). */
  public ServerResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ServerResponse(status, body, Collections.unmodifiableMap(copy));
  }

  /** This answer with more headers, in their order (each replacing one of the same name); one copy for all. */
  ServerResponse withHeaders(Map<String, String> more) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.putAll(more);
    return new ServerResponse(status, body, Collections.unmodifiableMap(copy));
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The headers, unmodifiable. */
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
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        headers.put(in.readUTF(), in.readUTF());
      }
      int length = in.readInt();
      if (length < 0 || length != in.available()) {
        throw new IllegalArgumentException("not an encoded ServerResponse");
      }
      byte[] body = new byte[length];
      in.readFully(body);
      return new ServerResponse(status, headers, body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an encoded ServerResponse", e);
    }
  }

  @Override
  public String toString() {
    return "ServerResponse{" + status + ", " + headers + ", " + body.length + " bytes}";
  }
}
