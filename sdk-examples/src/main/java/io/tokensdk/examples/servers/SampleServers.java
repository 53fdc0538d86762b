package io.tokensdk.examples.servers;

import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.receivers.SampleCofReceiver;
import io.tokensdk.examples.receivers.SamplePatReceiver;
import io.tokensdk.testing.tsp.SampleTsp;
import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.jetty.ClientAuth;
import io.tokensdk.server.jetty.TokenSdkServer;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import javax.net.ssl.SSLContext;

/**
 * The sample TSP, COF receiver and PAT receiver, each on its own embedded server (as they would be three companies),
 * over HTTPS with a required client certificate, or plain HTTP. Close it to stop all three.
 */
public final class SampleServers implements AutoCloseable {
  private final SampleTsp tsp;
  private final FaultInjectingHandler tspFaults;
  private final SampleCofReceiver cof = new SampleCofReceiver();
  private final SamplePatReceiver pat;
  private final TokenSdkServer tspServer;
  private final TokenSdkServer cofServer;
  private final TokenSdkServer patServer;
  private final String scheme;
  private final String host;
  private final DemoKeys keys;

  private SampleServers(DemoKeys keys, InetAddress bind, int[] ports, SSLContext tls) throws IOException {
    this.keys = keys;
    this.tsp = new SampleTsp(keys.tspKeys());
    this.tspFaults = new FaultInjectingHandler(tsp);
    this.pat = new SamplePatReceiver(new JWKSet(keys.bank()));
    this.scheme = tls == null ? "http" : "https";
    this.host = bind.isLoopbackAddress() ? "localhost" : bind.getHostAddress();
    this.tspServer = start(bind, ports[0], tls, tspFaults, MountOptions.defaults());
    this.cofServer = start(bind, ports[1], tls, cof, SampleCofReceiver.mountOptions(keys.apiKey()));
    this.patServer = start(bind, ports[2], tls, pat, MountOptions.defaults());
  }

  /** The three servers on loopback, free ports, mutual TLS with the demo keys. */
  public static SampleServers startLocal(DemoKeys keys) {
    return start(keys, InetAddress.getLoopbackAddress(), 0, 0, 0, keys.serverSslContext());
  }

  /**
   * The three servers on {@code bind} and the given ports (0 picks a free one).
   *
   * @param tls the servers' TLS context (client certificates are then required), or null for plain HTTP
   */
  public static SampleServers start(DemoKeys keys, InetAddress bind, int tspPort, int cofPort, int patPort,
      SSLContext tls) {
    try {
      return new SampleServers(keys, bind, new int[] {tspPort, cofPort, patPort}, tls);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sample servers", e);
    }
  }

  private static TokenSdkServer start(InetAddress bind, int port, SSLContext tls, ApiHandler handler,
      MountOptions options) throws IOException {
    // the library's defaults: the samples face real peers with `serve`
    TokenSdkServer.Builder builder = TokenSdkServer.builder().bindAddress(bind).port(port).mount(handler, options);
    if (tls != null) {
      builder.tls(tls, ClientAuth.REQUIRED);
    }
    return builder.build().start();
  }

  /** The TSP base URL, spec base path included. */
  public String tspUrl() {
    return url(tspServer, SpecId.TSP);
  }

  /** The COF receiver base URL. */
  public String cofUrl() {
    return url(cofServer, SpecId.COF);
  }

  /** The PAT receiver base URL. */
  public String patUrl() {
    return url(patServer, SpecId.PAT);
  }

  /** The keys the servers were started with. */
  public DemoKeys keys() {
    return keys;
  }

  /** True when {@code baseUrl} is one of these servers. */
  public boolean serves(String baseUrl) {
    return baseUrl.equals(tspUrl()) || baseUrl.equals(cofUrl()) || baseUrl.equals(patUrl());
  }

  /** The sample TSP. */
  public SampleTsp tsp() {
    return tsp;
  }

  /** The fault injector in front of the sample TSP. */
  public FaultInjectingHandler tspFaults() {
    return tspFaults;
  }

  /** The sample COF receiver. */
  public SampleCofReceiver cof() {
    return cof;
  }

  /** The sample PAT receiver. */
  public SamplePatReceiver pat() {
    return pat;
  }

  private String url(TokenSdkServer server, SpecId spec) {
    return scheme + "://" + host + ":" + server.port() + ApiSpec.of(spec).basePath();
  }

  @Override
  public void close() {
    tspServer.stop();
    cofServer.stop();
    patServer.stop();
  }
}
