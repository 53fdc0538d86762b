package io.tokensdk.examples.cli;

import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.PrivateKeyLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code open-card}: base64 CMS envelope on stdin, the validated card data JSON (plaintext!) on stdout. */
@Command(name = "open-card", description = {"Opens a CMS envelope (stdin) with the TSP's private key and certificate, "
    + "validates the payload strictly (field formats, the Luhn check of every PAN) and prints it as JSON. The output "
    + "is PLAINTEXT card data: keep it off logs and tickets. Any failure prints the one generic error.",
    "Example: java -jar tokensdk-examples.jar open-card --key card-info.key --cert card-info-cert.pem < sealed.b64"})
final class OpenCardCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--key", required = true,
      description = "the TSP's RSA private key (PEM: PKCS#8, encrypted PKCS#8, PKCS#1; may also hold the certificate)")
  Path key;
  @Option(names = "--cert", description = "the certificate of the key (PEM or DER; default: the one in the --key file)")
  Path cert;
  @Option(names = "--key-password-file", description = "a file whose first line is the password of an encrypted key")
  Path keyPasswordFile;
  @Option(names = "--padding", description = "accept only this key transport: oaep or pkcs1 (default: both)")
  Padding padding;
  @Option(names = "--payload", defaultValue = "card-info", converter = CardPayload.Converter.class,
      description = "the expected payload: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  CardPayload payload;
  @Option(names = "--any-recipient",
      description = "also try the key on recipients that do not name the certificate (off: only the one naming it)")
  boolean anyRecipient;

  OpenCardCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    CmsEnvelopeOpener opener = opener();
    String sealed = io.readInput();
    byte[] plaintext = opener.open(sealed, payload.type).toPlaintext();
    try {
      io.out().println(new String(plaintext, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    return 0;
  }

  private CmsEnvelopeOpener opener() {
    PrivateKey privateKey;
    if (keyPasswordFile == null) {
      privateKey = PrivateKeyLoader.load(key);
    } else {
      char[] password = KeyPasswordFile.read(keyPasswordFile);
      try {
        privateKey = PrivateKeyLoader.load(key, password);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    X509Certificate certificate = CertificateLoader.load(cert != null ? cert : key);
    CmsEnvelopeOpener opener;
    try {
      opener = CmsEnvelopeOpener.forRecipient(privateKey, certificate);
    } catch (IllegalArgumentException e) {
      throw new CliException("--key and --cert do not fit: " + e.getMessage());
    }
    if (padding != null) {
      opener = opener.allowing(padding.transport);
    }
    return anyRecipient ? opener.tryingEveryRecipient() : opener;
  }
}
