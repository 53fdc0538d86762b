package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Stop under load: handlers that started deliver their answers, queued requests get the retryable answer, idle
 * connections are closed cleanly, new connections are refused, and nothing is reset.
 */
class GracefulStopTest {
  private static final String HEALTH = "/tsp/trapi/v1.0/healthCheck";

  /**
   * Repeated: the handlers' answers are written just as the idle connection's shutdown timeout ends, which is when
   * Jetty's idle check used to fail a running request's answer (see GracefulConnector); it lost one in about forty.
   */
  @RepeatedTest(10)
  void stopDeliversRunningAnswersAndAnswersQueuedOnesRetryable() throws Exception {
    Handlers.Tsp tsp = new Handlers.Tsp();
    TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .workerThreads(2).queueCapacity(4).stopGrace(Duration.ofSeconds(15)).mount(tsp).build().start();
    int port = server.port();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    tsp.gate.close();
    try (RawHttp idle = new RawHttp(port)) {
      assertEquals(404, idle.request("GET", "/tsp/trapi/v1.0/nowhere", null).read().status());
      List<Future<RawHttp.Answer>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(clients.submit(() -> send(port, "running")));
      }
      tsp.gate.awaitEntered(2);
      List<Future<RawHttp.Answer>> queued = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        queued.add(clients.submit(() -> send(port, "queued")));
      }
      awaitQueued(server, 4);

      Future<?> stopping = clients.submit(server::stop);
      for (Future<RawHttp.Answer> future : queued) {
        RawHttp.Answer answer = future.get(10, TimeUnit.SECONDS);
        assertEquals(503, answer.status(), "a queued request gets the retryable answer: " + answer);
        assertEquals("1", answer.header("retry-after"));
        assertEquals("close", answer.header("connection"));
      }
      assertTrue(idle.closedCleanly(), "an idle keep-alive connection is closed with a FIN, not a reset");
      tsp.gate.open();
      for (Future<RawHttp.Answer> future : running) {
        assertEquals(204, future.get(10, TimeUnit.SECONDS).status(), "a handler that ran has its answer delivered");
      }
      stopping.get(15, TimeUnit.SECONDS);
      assertEquals(2, tsp.gate.finished.get());
      assertThrows(IOException.class, () -> send(port, "after"), "no connection is accepted after the stop");
    } finally {
      tsp.gate.open();
      clients.shutdownNow();
      server.stop();
    }
  }

  /**
   * A caller that reads its answer slowly while the server stops still gets all of it: a connection whose handler ran
   * keeps its idle timeout, and only the grace bounds it (Jetty would give it the 250 ms shutdown idle timeout, which
   * fails a write that waits longer than that for the peer to read).
   */
  @Test
  void aCallerReadingItsAnswerSlowlyDuringTheStopGetsAllOfIt() throws Exception {
    Handlers.Tsp tsp = new Handlers.Tsp();
    // larger than what the server's send buffer and the client's small receive buffer hold: the write waits
    tsp.credentials = "e".repeat(8 * 1024 * 1024);
    TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .stopGrace(Duration.ofSeconds(15)).mount(tsp).build().start();
    ExecutorService stopper = Executors.newSingleThreadExecutor();
    tsp.gate.close();
    try (RawHttp slow = new RawHttp(server.port(), 8 * 1024)) {
      slow.request("GET", "/tsp/trapi/v1.0/issuers/ISSUER0001/tokens/tok-1/credentials", null, "x-request-id", "slow");
      tsp.gate.awaitEntered(1);
      Future<?> stopping = stopper.submit(server::stop);
      tsp.gate.open();
      // the slow peer: it reads nothing for four times the shutdown idle timeout while the answer is being written
      Thread.sleep(1000);
      RawHttp.Answer answer = slow.read();
      assertEquals(200, answer.status());
      assertTrue(answer.body().contains(tsp.credentials), "the whole answer arrived");
      stopping.get(15, TimeUnit.SECONDS);
    } finally {
      tsp.gate.open();
      stopper.shutdownNow();
      server.stop();
    }
  }

  /**
   * A request whose caller left (its connection reset) ends when its answer fails to be written: a stop then waits for
   * it no longer, instead of waiting out the grace for a request that can never be answered.
   */
  @Test
  void aStopDoesNotWaitForARequestWhoseCallerLeft() throws Exception {
    Handlers.Tsp tsp = new Handlers.Tsp();
    TokenSdkServer server = TokenSdkServer.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
        .stopGrace(Duration.ofSeconds(90)).mount(tsp).build().start();
    tsp.gate.close();
    try {
      RawHttp gone = new RawHttp(server.port());
      gone.request("GET", HEALTH, null, "x-request-id", "gone");
      tsp.gate.awaitEntered(1);
      gone.socket.setSoLinger(true, 0);
      gone.close();
      tsp.gate.open();
      assertEquals(204, send(server.port(), "next").status(), "the next caller is served");
      assertTimeoutPreemptively(Duration.ofSeconds(30), server::stop,
          "the stop returns once the departed caller's answer has failed, not after the grace");
      assertEquals(2, tsp.gate.finished.get(), "the departed caller's handler ran to its end");
    } finally {
      tsp.gate.open();
      server.stop();
    }
  }

  private static RawHttp.Answer send(int port, String id) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      return http.request("GET", HEALTH, null, "x-request-id", id).read();
    }
  }

  private static void awaitQueued(TokenSdkServer server, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.waitingRequests() < count) {
      assertTrue(System.nanoTime() < deadline, "only " + server.waitingRequests() + " requests queued");
      Thread.sleep(10);
    }
  }
}
