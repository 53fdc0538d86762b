package io.tokensdk.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;

/**
 * The two hosts a benchmark compares, the SDK's and bare Jetty, placed as its {@code placement} parameter says:
 * {@code shared}, in the benchmark's JVM, all threads on all CPUs; or {@code pinned}, each in a JVM of its own on CPU 0
 * with the benchmark's threads on CPU 1 ({@link PinnedHost}; needs {@code taskset} and 2 CPUs).
 */
record Hosts(LoopbackHost sdk, LoopbackHost bare) implements AutoCloseable {
  /** Starts both hosts, with mutual TLS from {@code tls} or plain HTTP when it is null. */
  static Hosts start(String placement, Tls tls, String apiKey) throws Exception {
    switch (placement) {
      case "shared" -> {
        SSLContext serverTls = tls == null ? null : tls.serverSide().sslContext();
        return both(() -> new SdkHost(serverTls, apiKey), () -> new BareJetty(serverTls));
      }
      case "pinned" -> {
        return pinned(tls);
      }
      default -> throw new IllegalArgumentException("placement is pinned or shared, not " + placement);
    }
  }

  private static Hosts pinned(Tls tls) throws Exception {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      throw new IllegalStateException("placement=pinned needs 2 CPUs; run with -p placement=shared");
    }
    PinnedHost.pinThisProcess(1);
    // the hosts read their TLS material when they start; it is not left behind
    Path tlsDir = tls == null ? null : Files.createTempDirectory("tokensdk-bench-tls");
    try {
      if (tls != null) {
        tls.write(tlsDir);
      }
      return both(() -> new PinnedHost("sdk", tlsDir, 0), () -> new PinnedHost("bare", tlsDir, 0));
    } finally {
      if (tlsDir != null) {
        try (var files = Files.list(tlsDir)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(tlsDir);
      }
    }
  }

  /** Starts the SDK's host, then bare Jetty; the first is closed again when the second fails to start. */
  private static Hosts both(Callable<LoopbackHost> sdk, Callable<LoopbackHost> bare) throws Exception {
    LoopbackHost first = sdk.call();
    try {
      return new Hosts(first, bare.call());
    } catch (Exception | Error e) {
      first.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      sdk.close();
    } finally {
      bare.close();
    }
  }
}
