package io.tokensdk.dedupe.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process on a free loopback port, without persistence. Its absence fails the test with
 * the way to install it: the Redis tests never skip.
 */
final class RedisServer implements AutoCloseable {
  private static final Duration START_BOUND = Duration.ofSeconds(20);
  private static RedisServer shared;

  private final Process process;
  private final int port;

  private RedisServer() {
    try {
      this.port = freePort();
      Path dir = Files.createTempDirectory("tokensdk-redis");
      ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", String.valueOf(port),
          "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile());
      try {
        this.process = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException("redis-server is not on the PATH: the Redis store tests need a real Redis;"
            + " install it (Debian: apt-get install redis-server; .ci/run does)", e);
      }
      awaitAccepting();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server shared by the test JVM; stopped when the JVM exits. */
  static synchronized RedisServer shared() {
    if (shared == null) {
      shared = start();
      RedisServer started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return shared;
  }

  /** A server of its own, for a test that stops it. */
  static RedisServer start() {
    return new RedisServer();
  }

  /** {@code redis://127.0.0.1:<port>}. */
  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the process at once (SIGKILL) and waits for it to be gone. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitAccepting() {
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          close();
          throw new IllegalStateException("redis-server did not start on port " + port);
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
