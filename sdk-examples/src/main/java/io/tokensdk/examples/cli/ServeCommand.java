package io.tokensdk.examples.cli;

import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.keys.KeyFiles;
import io.tokensdk.examples.servers.SampleServers;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the sample TSP, COF receiver and PAT receiver for real peers, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {"Starts the sample TSP, COF receiver and PAT receiver until Ctrl-C.",
    "Writes what a peer needs (TLS CA and client certificate, card-info certificate, JWKs, COF API key) to --out."})
final class ServeCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
  InetAddress bind;
  @Option(names = "--tsp-port", defaultValue = "8443", description = "TSP port (default ${DEFAULT-VALUE})")
  int tspPort;
  @Option(names = "--cof-port", defaultValue = "8444", description = "COF receiver port (default ${DEFAULT-VALUE})")
  int cofPort;
  @Option(names = "--pat-port", defaultValue = "8445", description = "PAT receiver port (default ${DEFAULT-VALUE})")
  int patPort;
  @Option(names = "--tls", description = "HTTPS with a required client certificate (generated unless given)")
  boolean tls;
  @Option(names = "--server-cert", description = "with --tls: the servers' certificate chain (PEM)")
  Path serverCert;
  @Option(names = "--server-key", description = "with --tls: its unencrypted PKCS#8 key (PEM)")
  Path serverKey;
  @Option(names = "--client-ca", description = "with --tls: the CA that signs accepted client certificates (PEM)")
  Path clientCa;
  @Option(names = "--out", description = "directory for the peer files (default: a new temporary directory)")
  Path out;

  ServeCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    DemoKeys keys = DemoKeys.generate();
    Path dir = out != null ? out : Files.createTempDirectory("tokensdk-serve-");
    KeyFiles.write(keys, dir);
    SampleServers servers = SampleServers.start(keys, bind, tspPort, cofPort, patPort, tls ? sslContext(keys) : null);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      servers.close();
      stopped.countDown();
    }));
    io.out().println("TSP  " + servers.tspUrl());
    io.out().println("COF  " + servers.cofUrl() + "   (authorization: APIKEY <" + dir.resolve(KeyFiles.COF_API_KEY)
        + ">)");
    io.out().println("PAT  " + servers.patUrl());
    io.out().println("Peer files (throwaway keys) in " + dir + ":");
    if (tls && serverCert == null) {
      io.out().println("  TLS CA " + KeyFiles.TLS_CA + ", client certificate " + KeyFiles.TLS_CLIENT_CERT + " + "
          + KeyFiles.TLS_CLIENT_KEY);
    }
    io.out().println("  " + KeyFiles.CARD_INFO_CERT + ", " + KeyFiles.REQUESTOR_JWKS + ", "
        + KeyFiles.TSP_SIGNER_JWKS + ", " + KeyFiles.BANK_PUBLIC_JWK);
    io.out().println("Try: java -jar sdk-examples/target/tokensdk-examples.jar demo --tsp-url " + servers.tspUrl()
        + " --cof-url " + servers.cofUrl() + " --pat-url " + servers.patUrl() + " --keys-dir " + dir);
    io.out().println("Ctrl-C to stop.");
    stopped.await();
    return 0;
  }

  private SSLContext sslContext(DemoKeys keys) throws IOException {
    if (serverCert == null && serverKey == null && clientCa == null) {
      return keys.serverSslContext();
    }
    if (serverCert == null || serverKey == null || clientCa == null) {
      throw new CliException("--server-cert, --server-key and --client-ca go together");
    }
    HeldCertificate held = HeldCertificate.decode(Files.readString(serverCert) + "\n" + Files.readString(serverKey));
    return new HandshakeCertificates.Builder().heldCertificate(held)
        .addTrustedCertificate(CertificateLoader.load(clientCa)).build().sslContext();
  }
}
