package io.tokensdk.examples.cli;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.keys.JwkLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seal-jwe}: plaintext on stdin, compact JWE on stdout. */
@Command(name = "seal-jwe", description = {"Seals stdin into a compact JWE for the recipient's JWK: an EC P-256 key "
    + "gives ECDH-ES/A256GCM (token credentials), an RSA key RSA-OAEP-256/A256GCM (PAT account number).",
    "Example: echo '{\"dpan\":\"4895370012345671\",\"exp\":\"1229\"}' | java -jar tokensdk-examples.jar "
        + "seal-jwe --jwk requestor.public.jwk.json"})
final class SealJweCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--jwk", required = true, description = "the recipient's JWK (public, or private: reduced to public)")
  Path jwk;

  SealJweCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    JWK key = JwkLoader.loadKey(jwk);
    JweSealer sealer;
    if (key instanceof ECKey ec) {
      sealer = JweSealer.ecdhEs(ec);
    } else if (key instanceof RSAKey rsa) {
      sealer = JweSealer.rsaOaep256(rsa);
    } else {
      throw new CliException("the JWK must be an EC P-256 or an RSA key");
    }
    io.out().println(sealer.seal(io.readInput().getBytes(StandardCharsets.UTF_8)));
    return 0;
  }
}
