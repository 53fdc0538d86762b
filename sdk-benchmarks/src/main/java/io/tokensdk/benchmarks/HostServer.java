package io.tokensdk.benchmarks;

import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * Runs one host of {@link HostBenchmark} in a JVM of its own (see {@link PinnedHost}): prints {@code port N} once it
 * serves, and stops when its standard input closes.
 */
public final class HostServer {
  private HostServer() {
  }

  /**
   * Entry point.
   *
   * @param args {@code sdk} or {@code bare}, then {@code plain} or the directory of the TLS material ({@link Tls#write})
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !(args[0].equals("sdk") || args[0].equals("bare"))) {
      throw new IllegalArgumentException("usage: HostServer sdk|bare plain|<tls directory>");
    }
    SSLContext tls = args[1].equals("plain") ? null : Tls.read(Path.of(args[1])).serverSide().sslContext();
    try (LoopbackHost host = args[0].equals("sdk") ? new SdkHost(tls, HostBenchmark.API_KEY) : new BareJetty(tls)) {
      System.out.println("port " + host.port());
      System.out.flush();
      while (System.in.read() != -1) {
        // serve until the benchmark closes our input
      }
    }
  }
}
