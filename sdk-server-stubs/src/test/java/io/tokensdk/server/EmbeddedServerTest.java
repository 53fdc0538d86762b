package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** The embedded server's own duties: overload, graceful stop, the body deadline, streamed bodies over the limit. */
class EmbeddedServerTest {
  private final Recorder recorder = new Recorder();

  private TokenSdkServer.Builder builder() {
    return TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .mount(new TestHandlers.CoreTsp(recorder));
  }

  private static Http client(TokenSdkServer server) {
    return new Http("http://127.0.0.1:" + server.port());
  }

  private static int health(Http http) throws IOException {
    return http.send("GET", "/tsp/trapi/v1.0/healthCheck", null, "x-request-id", "r").code();
  }

  @Test
  void overloadIsAnswered503() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    recorder.on("healthCheck", () -> release.await(10, TimeUnit.SECONDS));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (TokenSdkServer server = builder().workerThreads(1).queueCapacity(1).build().start()) {
      Http http = client(server);
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        replies.add(pool.submit(() -> health(http)));
        Thread.sleep(50);
      }
      Thread.sleep(300);
      release.countDown();
      int ok = 0;
      int busy = 0;
      for (Future<Integer> reply : replies) {
        int code = reply.get(10, TimeUnit.SECONDS);
        ok += code == 204 ? 1 : 0;
        busy += code == 503 ? 1 : 0;
      }
      assertEquals(5, ok + busy);
      assertTrue(ok >= 2 && busy >= 1, "ok=" + ok + " busy=" + busy);
      http.close();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void stopFinishesRequestsInFlightAndRefusesNewOnes() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    recorder.on("healthCheck", () -> {
      entered.countDown();
      return release.await(10, TimeUnit.SECONDS);
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    TokenSdkServer server = builder().stopGrace(Duration.ofSeconds(5)).build().start();
    Http http = client(server);
    Http other = client(server);
    try {
      Future<Integer> inFlight = pool.submit(() -> health(http));
      assertTrue(entered.await(5, TimeUnit.SECONDS));
      Future<?> stopping = pool.submit(server::stop);
      Thread.sleep(200);
      assertEquals(503, health(other), "new requests are refused while draining");
      release.countDown();
      assertEquals(204, inFlight.get(5, TimeUnit.SECONDS));
      stopping.get(5, TimeUnit.SECONDS);
      assertThrows(IOException.class, () -> health(client(server)));
    } finally {
      release.countDown();
      pool.shutdownNow();
      http.close();
      other.close();
      server.stop();
    }
  }

  @Test
  void aClientThatStallsItsBodyIsDisconnected() throws Exception {
    try (TokenSdkServer server = builder().bodyReadTimeout(Duration.ofMillis(300)).build().start();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /tsp/trapi/v1.0/tokens HTTP/1.1\r\nHost: localhost\r\nx-request-id: r\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      InputStream in = socket.getInputStream();
      int read;
      try {
        read = in.read();
      } catch (IOException reset) {
        read = -1;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(-1, read, "the connection is closed without an answer");
      assertTrue(millis < 3000, "closed after " + millis + " ms");
      assertTrue(recorder.calls.isEmpty());
    }
  }

  @Test
  void aStreamedBodyOverTheLimitIs413() throws Exception {
    try (TokenSdkServer server = builder().maxBodyBytes(1024).build().start()) {
      Http http = client(server);
      RequestBody streamed = new RequestBody() {
        @Override
        public MediaType contentType() {
          return Http.JSON;
        }

        @Override
        public long contentLength() {
          return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
          sink.writeUtf8("{\"pad\":\"" + "x".repeat(2048) + "\"}");
        }
      };
      Request request = new Request.Builder().url(http.base + "/tsp/trapi/v1.0/tokens").header("x-request-id", "r")
          .post(streamed).build();
      try (Response response = http.client.newCall(request).execute()) {
        assertEquals(413, response.code());
      }
      assertEquals(200, http.send("POST", "/tsp/trapi/v1.0/tokens", Samples.BODIES.get("createToken"),
          "x-request-id", "r").code());
      http.close();
    }
  }
}
