package io.tokensdk.examples.cli;

import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.keys.PrivateKeyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code open-card}: base64 CMS envelope on stdin, the card info JSON (plaintext!) on stdout. */
@Command(name = "open-card", description = {"Opens a cipheredCardInfo CMS envelope (stdin) with the TSP's private key "
    + "and prints the card info JSON. The output is PLAINTEXT card data: keep it off logs and tickets.",
    "Example: java -jar tokensdk-examples.jar open-card --key card-info.key < sealed.b64"})
final class OpenCardCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--key", required = true, description = "the TSP's RSA private key (PEM: PKCS#8, PKCS#1)")
  Path key;
  @Option(names = "--padding", description = "accept only this key transport: oaep or pkcs1 (default: both)")
  Padding padding;

  OpenCardCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    String sealed = io.readInput();
    CmsEnvelopeOpener opener = CmsEnvelopeOpener.forKey(PrivateKeyLoader.load(key));
    if (padding != null) {
      opener = opener.allowing(padding.transport);
    }
    byte[] plaintext = opener.open(sealed);
    try {
      io.out().println(new String(plaintext, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    return 0;
  }
}
