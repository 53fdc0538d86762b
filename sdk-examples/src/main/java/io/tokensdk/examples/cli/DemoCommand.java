package io.tokensdk.examples.cli;

import io.tokensdk.client.ClientConfig;
import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.examples.demo.Demo;
import io.tokensdk.examples.demo.DemoEnvironment;
import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.keys.KeyFiles;
import io.tokensdk.examples.servers.SampleServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the end-to-end demo, against the local sample servers or real peers. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {"Runs the end-to-end demo; exits 0 only when every step passed.",
    "Without URLs it starts the sample TSP, COF and PAT servers on loopback with mutual TLS and throwaway keys.",
    "With --tsp-url / --cof-url / --pat-url it drives those servers instead (the others stay local)."})
final class DemoCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--tsp-url", description = "TSP base URL, spec base path included (…/tsp/trapi/v1.0)")
  String tspUrl;
  @Option(names = "--cof-url", description = "COF receiver base URL (…/tsh-cof)")
  String cofUrl;
  @Option(names = "--pat-url", description = "PAT receiver base URL (…/pat)")
  String patUrl;
  @Option(names = "--keys-dir", description = "directory in the layout `serve` writes: TLS files, "
      + KeyFiles.CARD_INFO_CERT + ", " + KeyFiles.REQUESTOR_JWKS + ", " + KeyFiles.TSP_SIGNER_JWKS + ", "
      + KeyFiles.BANK_PUBLIC_JWK + ", " + KeyFiles.COF_API_KEY)
  Path keysDir;
  @Option(names = "--trust", description = "PEM of the CA(s) to trust for the remote servers")
  Path trust;
  @Option(names = "--client-cert", description = "client certificate chain (PEM) for mutual TLS")
  Path clientCert;
  @Option(names = "--client-key", description = "unencrypted PKCS#8 key (PEM) of the client certificate")
  Path clientKey;
  @Option(names = "--api-key-file", description = "file holding the remote COF receiver's API key")
  Path apiKeyFile;

  DemoCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    DemoKeys keys = DemoKeys.generate();
    try (SampleServers local = SampleServers.startLocal(keys)) {
      DemoEnvironment env = tspUrl == null && cofUrl == null && patUrl == null
          ? DemoEnvironment.local(keys, local) : remote(keys, local);
      return new Demo(env, io.out()).run();
    }
  }

  private DemoEnvironment remote(DemoKeys keys, SampleServers local) throws IOException {
    DemoEnvironment own = DemoEnvironment.local(keys, local);
    boolean remoteTsp = tspUrl != null;
    return new DemoEnvironment(orElse(tspUrl, local.tspUrl()), orElse(cofUrl, local.cofUrl()),
        orElse(patUrl, local.patUrl()), tls(), cofUrl == null ? null : apiKey(),
        remoteTsp ? CertificateLoader.load(required(KeyFiles.CARD_INFO_CERT)) : own.cardInfoCert(),
        remoteTsp ? JwkLoader.loadSet(required(KeyFiles.REQUESTOR_JWKS)) : own.requestorKeys(),
        remoteTsp ? optionalSet(KeyFiles.TSP_SIGNER_JWKS) : own.tspSigners(),
        patUrl != null ? JwkLoader.loadKey(required(KeyFiles.BANK_PUBLIC_JWK)).toRSAKey() : own.bankPublicKey(),
        remoteTsp ? null : own.kek(), local);
  }

  private UnaryOperator<ClientConfig.Builder> tls() {
    Path ca = orElse(trust, inKeysDir(KeyFiles.TLS_CA));
    Path cert = orElse(clientCert, inKeysDir(KeyFiles.TLS_CLIENT_CERT));
    Path key = orElse(clientKey, inKeysDir(KeyFiles.TLS_CLIENT_KEY));
    return builder -> {
      if (ca != null) {
        builder.trustedCertificatesPem(ca);
      }
      if (cert != null && key != null) {
        builder.clientCertificatePem(cert, key);
      }
      return builder;
    };
  }

  private String apiKey() throws IOException {
    Path file = orElse(apiKeyFile, inKeysDir(KeyFiles.COF_API_KEY));
    if (file == null) {
      throw new CliException("--cof-url needs --api-key-file or --keys-dir with " + KeyFiles.COF_API_KEY);
    }
    return Files.readString(file).trim();
  }

  private Path required(String name) {
    Path file = inKeysDir(name);
    if (file == null) {
      throw new CliException("missing " + name + ": pass --keys-dir holding it");
    }
    return file;
  }

  private com.nimbusds.jose.jwk.JWKSet optionalSet(String name) {
    Path file = inKeysDir(name);
    return file == null ? null : JwkLoader.loadSet(file);
  }

  private Path inKeysDir(String name) {
    if (keysDir == null) {
      return null;
    }
    Path file = keysDir.resolve(name);
    return Files.isRegularFile(file) ? file : null;
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
