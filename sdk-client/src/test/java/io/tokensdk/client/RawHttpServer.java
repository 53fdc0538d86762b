package io.tokensdk.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server on a raw socket, for answers MockWebServer cannot cut where we need: each connection reads one
 * whole request, writes the next scripted bytes as they are, and closes. It records every complete request it read.
 */
final class RawHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final BlockingQueue<byte[]> answers = new LinkedBlockingQueue<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  RawHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Queues the bytes the next connection answers with, e.g. a status line and half a header. */
  RawHttpServer answer(String raw) {
    answers.add(raw.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** Every complete request read: request line, headers and body. */
  List<String> requests() {
    return List.copyOf(received);
  }

  int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connections.incrementAndGet();
        String request = readRequest(connection.getInputStream());
        if (request == null) {
          continue;
        }
        received.add(request);
        byte[] answer = answers.poll();
        OutputStream out = connection.getOutputStream();
        out.write(answer == null ? "HTTP/1.1 500 No Script\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)
            : answer);
        out.flush();
      } catch (IOException e) {
        // the client went away, or the server is closed
      }
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      return null;
    }
    return text + new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
