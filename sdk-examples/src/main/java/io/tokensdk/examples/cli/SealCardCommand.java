package io.tokensdk.examples.cli;

import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.keys.CertificateLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seal-card}: card info JSON on stdin, base64 CMS envelope on stdout. */
@Command(name = "seal-card", description = {"Seals card info JSON (stdin) into a cipheredCardInfo CMS envelope "
    + "(stdout, base64 DER): AES-256-CBC, RSA key transport to the TSP's certificate. The payload is validated first "
    + "(field formats, the Luhn check of every PAN) and the certificate must be valid now and allow key encipherment.",
    "Example: echo '{\"fpan\":\"4111111111111111\",\"exp\":\"1228\"}' | java -jar tokensdk-examples.jar "
        + "seal-card --cert card-info-cert.pem"})
final class SealCardCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--cert", required = true, description = "the TSP's card-info certificate (PEM or DER)")
  Path cert;
  @Option(names = "--padding", defaultValue = "oaep", description = "RSA key transport: oaep (default) or pkcs1")
  Padding padding;
  @Option(names = "--payload", defaultValue = "card-info", converter = CardPayload.Converter.class,
      description = "the payload, validated before sealing: card-info (default), new-card-info, funding-pan, token-pan")
  CardPayload payload;

  SealCardCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    CmsEnvelopeSealer sealer = CmsEnvelopeSealer.forRecipient(CertificateLoader.load(cert), padding.transport);
    byte[] plaintext = JsonInput.requireObject(io.readInput(), "card info");
    try {
      io.out().println(sealer.seal(payload.type.fromPlaintext(plaintext)));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    return 0;
  }
}
