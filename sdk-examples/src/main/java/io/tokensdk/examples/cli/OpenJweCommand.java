package io.tokensdk.examples.cli;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.jwe.SignedJweOpener;
import io.tokensdk.crypto.keys.JwkLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code open-jwe}: compact JWE on stdin, its plaintext on stdout. */
@Command(name = "open-jwe", description = {"Opens a compact JWE (stdin) with a private JWK set and prints the "
    + "plaintext (PLAINTEXT credentials: keep them off logs). A signed JWE (cty JWT) needs --signers.",
    "Example: java -jar tokensdk-examples.jar open-jwe --jwks requestor.jwks.json < credentials.jwe"})
final class OpenJweCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--jwks", required = true, description = "the recipient's private JWK set")
  Path jwks;
  @Option(names = "--signers", description = "public JWK set of the trusted signers, for a signed JWE")
  Path signers;

  OpenJweCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    String compact = io.readInput();
    byte[] plaintext = opener(compact, JwkLoader.loadSet(jwks)).open(compact);
    try {
      io.out().println(new String(plaintext, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    return 0;
  }

  private EnvelopeOpener opener(String compact, JWKSet keys) {
    JWEObject jwe;
    try {
      jwe = JWEObject.parse(compact);
    } catch (ParseException e) {
      throw new EnvelopeOpenException();
    }
    if ("JWT".equalsIgnoreCase(String.valueOf(jwe.getHeader().getContentType()))) {
      if (signers == null) {
        throw new CliException("a signed JWE (cty JWT) needs --signers");
      }
      return SignedJweOpener.of(keys, JwkLoader.loadSet(signers));
    }
    return JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm()) ? JweOpener.rsaOaep256(keys)
        : JweOpener.ecdhEs(keys);
  }
}
