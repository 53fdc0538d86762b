package io.tokensdk.server.dedupe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.TokenSdkDispatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two server instances, each a JVM of its own ({@link ClusterNode}), share one store: duplicates spread over both run
 * the handler once, and a claim held by an instance that is killed mid-handler is taken over by the redelivery once its
 * lease has expired; when the store is down, requests are answered with a retryable answer, never handled without
 * dedupe. Extend it with the store under test; every wait is bounded by {@link #BOUND}.
 */
public abstract class DedupeClusterContract {
  /** How long any wait of the test may take before it fails. */
  protected static final Duration BOUND = Duration.ofSeconds(60);
  private static final String BODY =
      "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-1\",\"tokenRequestorId\":\"40010030273\"}";

  /**
   * Builds a node's store and host in the node's JVM; needs a public no-argument constructor. The host is the
   * embedded server of {@code sdk-server-jetty}, which this module cannot depend on.
   */
  public interface StoreFactory {
    /** The store on {@code connection}. */
    DedupeStore connect(String connection);

    /** Serves {@code dispatcher} on a free loopback port until the JVM ends; returns the port. */
    int serve(TokenSdkDispatcher dispatcher) throws Exception;
  }

  private final List<Node> nodes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** The factory the nodes build their store with. */
  protected abstract Class<? extends StoreFactory> storeFactory();

  /** The connection string of the engine under test, passed to {@link StoreFactory#connect} in each node. */
  protected abstract String connection();

  /** Starts an engine for this test alone and returns its connection string. */
  protected abstract String startOwnEngine() throws Exception;

  /** Stops the engine of {@link #startOwnEngine}, as a crash or a network partition would. */
  protected abstract void stopOwnEngine() throws Exception;

  @AfterEach
  void killNodes() throws Exception {
    nodes.forEach(Node::kill);
    stopOwnEngine();
  }

  @Test
  void fiftyDuplicatesSpreadOverTwoInstancesRunTheHandlerOnceAndAllGetTheAnswer() throws Exception {
    Node a = start("answer", Duration.ofSeconds(30), Duration.ofMinutes(3));
    Node b = start("answer", Duration.ofSeconds(30), Duration.ofMinutes(3));
    String requestId = UUID.randomUUID().toString();
    int duplicates = 50;
    ExecutorService senders = Executors.newFixedThreadPool(duplicates);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
      for (int i = 0; i < duplicates; i++) {
        Node target = i % 2 == 0 ? a : b;
        answers.add(senders.submit(() -> {
          go.await();
          return send(target, requestId);
        }));
      }
      go.countDown();
      HttpResponse<byte[]> first = answers.get(0).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals(200, first.statusCode());
      assertTrue(new String(first.body(), StandardCharsets.UTF_8).contains("\"tokenId\":\"tok-"));
      for (Future<HttpResponse<byte[]>> answer : answers) {
        HttpResponse<byte[]> response = answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(200, response.statusCode());
        assertArrayEquals(first.body(), response.body(), "every duplicate gets the one token issued");
      }
    } finally {
      senders.shutdownNow();
    }
    a.stopAndDrain();
    b.stopAndDrain();
    assertEquals(1, a.handled(requestId) + b.handled(requestId), "handler runs over both instances");
  }

  @Test
  void theRedeliveryOfAClaimHeldByAKilledInstanceSucceedsOnceTheLeaseExpires() throws Exception {
    Node doomed = start("hang", Duration.ofSeconds(1), Duration.ofSeconds(8));
    Node survivor = start("answer", Duration.ofSeconds(1), Duration.ofSeconds(8));
    String requestId = UUID.randomUUID().toString();
    CompletableFuture<Void> lost = CompletableFuture.runAsync(() -> {
      try {
        send(doomed, requestId);
      } catch (IOException | InterruptedException e) {
        // the instance dies under it: the sender sees a cut connection and redelivers
      }
    });
    doomed.awaitHandled(requestId);
    doomed.kill();
    lost.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);

    List<Integer> statuses = new ArrayList<>();
    long deadline = System.nanoTime() + BOUND.toNanos();
    int status;
    do {
      status = send(survivor, requestId).statusCode();
      statuses.add(status);
      if (status != 200) {
        Thread.sleep(200); // the sender's back-off
      }
    } while (status != 200 && System.nanoTime() < deadline);

    assertEquals(200, status, () -> "answers to the redeliveries: " + statuses);
    assertTrue(statuses.size() > 1 && statuses.subList(0, statuses.size() - 1).stream().allMatch(s -> s == 503),
        () -> "the dead instance's claim holds until its lease expires; meanwhile a redelivery is told to retry: "
            + statuses);
    assertEquals(200, send(survivor, requestId).statusCode());
    survivor.stopAndDrain();
    assertEquals(1, survivor.handled(requestId), "one run for the redeliveries, then the answer replayed");
  }

  @Test
  void whenTheStoreIsDownTheSenderIsToldToRetryAndTheHandlerDoesNotRun() throws Exception {
    Node node = start("answer", Duration.ofSeconds(1), Duration.ofSeconds(6), startOwnEngine());
    String before = UUID.randomUUID().toString();
    assertEquals(200, send(node, before).statusCode());
    stopOwnEngine();

    String during = UUID.randomUUID().toString();
    int status = send(node, during).statusCode();
    node.stopAndDrain();
    // 500 and 503 are the TSP spec's "retry possible" answers: the TSH retries with the same x-request-id
    assertTrue(status == 500 || status == 503, () -> "answer while the store is down: " + status);
    assertEquals(0, node.handled(during), "never handled without dedupe");
    assertEquals(1, node.handled(before));
  }

  private HttpResponse<byte[]> send(Node node, String requestId) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + "/tsp/trapi/v1.0/tokens"))
        .timeout(BOUND)
        .header("content-type", "application/json")
        .header("x-request-id", requestId)
        .POST(HttpRequest.BodyPublishers.ofString(BODY))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private Node start(String mode, Duration duplicateWait, Duration lease) throws IOException, InterruptedException {
    return start(mode, duplicateWait, lease, connection());
  }

  private Node start(String mode, Duration duplicateWait, Duration lease, String connection) throws IOException,
      InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ClusterNode.class.getName(), storeFactory().getName(), connection, mode,
        Long.toString(duplicateWait.toMillis()), Long.toString(lease.toMillis()))
        .redirectErrorStream(true)
        .start();
    Node node = new Node(process);
    nodes.add(node);
    node.awaitPort();
    return node;
  }

  /** A node's process and the lines it printed. */
  private static final class Node {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;

    Node(Process process) {
      this.process = process;
      this.reader = new Thread(this::read, "cluster-node-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
          if (line.startsWith("PORT ")) {
            port.complete(Integer.parseInt(line.substring(5).trim()));
          }
        }
      } catch (IOException e) {
        // the process was killed
      }
      port.completeExceptionally(new IllegalStateException("the node exited before listening: " + lines));
    }

    void awaitPort() throws InterruptedException {
      try {
        port.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the node did not start: " + lines, e);
      }
    }

    String url() {
      return "http://127.0.0.1:" + port.join();
    }

    long handled(String requestId) {
      return lines.stream().filter(line -> line.equals("HANDLED " + requestId)).count();
    }

    void awaitHandled(String requestId) throws InterruptedException {
      long deadline = System.nanoTime() + BOUND.toNanos();
      while (handled(requestId) == 0) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IllegalStateException("the handler did not run: " + lines);
        }
        Thread.sleep(20);
      }
    }

    /** Stops the node and reads all it printed, so that no line is still in the pipe when the test counts. */
    void stopAndDrain() throws InterruptedException {
      kill();
      reader.join(BOUND.toMillis());
    }

    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(BOUND.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
