package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stopped host leaves no thread behind: a JVM whose main starts the host, serves a call, stops the host and returns
 * exits at once. Jetty's idle threads would otherwise keep it alive until their idle timeout (60 s).
 */
class StopExitTest {
  @Test
  void aMainThatStopsTheServerExits() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ServeOnceAndStop.class.getName()).redirectErrorStream(true).start();
    boolean exited = process.waitFor(30, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(exited, "the JVM was still running 30 s after its main stopped the server: " + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("answered 204"), output);
  }

  /** Starts the host, makes one call, stops the host and returns. */
  static final class ServeOnceAndStop {
    private ServeOnceAndStop() {
    }

    public static void main(String[] args) throws IOException {
      TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
          .mount(new Handlers.Tsp()).build().start();
      try (RawHttp http = new RawHttp(server.port())) {
        System.out.println("answered " + http.request("GET", "/tsp/trapi/v1.0/healthCheck", null,
            "x-request-id", "exit-1").read().status());
      }
      server.stop();
    }
  }
}
