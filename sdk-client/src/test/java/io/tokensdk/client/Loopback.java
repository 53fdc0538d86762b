package io.tokensdk.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.mockwebserver.MockWebServer;

/** The loopback server of a test: {@code @AutoClose private final MockWebServer server = Loopback.server();}. */
final class Loopback {
  private Loopback() {
  }

  /** A MockWebServer listening on loopback, started. */
  static MockWebServer server() {
    MockWebServer server = new MockWebServer();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }
}
