package io.tokensdk.testing;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.MountOptions;
import io.tokensdk.spec.ApiSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An in-process fake of one API on loopback, plain HTTP or TLS with a required client certificate: it answers like a
 * server built on the SDK, records what reached its handler and can be scripted to fail. Thread-safe.
 */
public abstract class FakeApi implements AutoCloseable {
  private final TestKeys keys;
  private final boolean tls;
  private final FaultScript faults = new FaultScript();
  private final RecordingHandler handler;
  private final FakeHost host;
  private final String baseUrl;

  FakeApi(TestKeys keys, boolean tls, Supplier<? extends ApiHandler> handlers, MountOptions options) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.tls = tls;
    this.handler = new RecordingHandler(handlers, faults);
    this.host = new FakeHost(handler, options, tls ? keys.serverSslContext() : null, faults);
    this.baseUrl = (tls ? "https" : "http") + "://localhost:" + host.port() + ApiSpec.of(handler.spec()).basePath();
  }

  /** @return the base URL, base path included, e.g. {@code https://localhost:41234/tsp/trapi/v1.0} */
  public String baseUrl() {
    return baseUrl;
  }

  /** @return whether the fake serves TLS (and requires the client certificate of {@link #keys()}) */
  public boolean tls() {
    return tls;
  }

  /** @return the throwaway keys the fake holds */
  public TestKeys keys() {
    return keys;
  }

  /**
   * A client configuration for this fake: its base URL and, on TLS, the client certificate and the test CA.
   *
   * @return a builder, to add options (retry policy, timeouts, listener) or build
   */
  public ClientConfig.Builder clientConfig() {
    return tls ? keys.clientConfig(baseUrl) : ClientConfig.builder(baseUrl);
  }

  /**
   * Queues faults: each applies to one of the next requests, in order.
   *
   * @param next the faults
   */
  public void failNext(Fault... next) {
    faults.add(List.of(next));
  }

  /** @return how many scripted faults have not been applied yet */
  public int pendingFaults() {
    return faults.size();
  }

  /** @return every request that reached the handler since the start or the last {@link #reset()}, in order */
  public List<Received> received() {
    return handler.received();
  }

  /**
   * Waits until {@code count} requests have reached the handler, for asynchronous senders.
   *
   * @param count how many
   * @param timeout the longest wait
   * @return the requests received
   * @throws TimeoutException if fewer arrived in time
   * @throws InterruptedException if interrupted
   */
  public List<Received> awaitReceived(int count, Duration timeout) throws TimeoutException, InterruptedException {
    return handler.awaitReceived(count, timeout);
  }

  /** Forgets what was received, drops pending faults and restarts the fake's state (a fresh handler). */
  public void reset() {
    faults.clear();
    handler.reset();
  }

  ApiHandler handler() {
    return handler.delegate();
  }

  /** Stops the server; hung requests are dropped. */
  @Override
  public void close() {
    host.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + baseUrl + "}";
  }
}
