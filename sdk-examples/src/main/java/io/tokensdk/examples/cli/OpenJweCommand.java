package io.tokensdk.examples.cli;

import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpener;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.jwe.SignedJweOpener;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.crypto.payload.Payload;
import io.tokensdk.crypto.payload.PayloadType;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code open-jwe}: compact JWE on stdin, its validated plaintext on stdout. The opener is chosen from the operator's
 * flags only, never from the envelope's header: {@code --signers} requires a signature.
 */
@Command(name = "open-jwe", description = {"Opens a compact JWE (stdin) with a private JWK set and prints the "
    + "validated plaintext (PLAINTEXT credentials: keep them off logs). --payload says what it must be: token-data "
    + "(createToken encryptedData, ECDH-ES), token-credentials (getTokenCredentials, ECDH-ES) or account-number (PAT, "
    + "RSA-OAEP-256). --signers requires a signed JWE (encPaymentCredData of encType JWE) and prints the signed "
    + "credentials in hex. Any failure prints the one generic error.",
    "Example: java -jar tokensdk-examples.jar open-jwe --jwks requestor.jwks.json < credentials.jwe"})
final class OpenJweCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--jwks", required = true, description = "the recipient's private JWK set")
  Path jwks;
  @Option(names = "--signers",
      description = "public JWK set of the trusted signers: the JWE must be signed (ES256 inside ECDH-ES, cty JWT)")
  Path signers;
  @Option(names = "--payload", converter = JwePayload.Converter.class,
      description = "token-data (default), token-credentials or account-number; not with --signers")
  JwePayload payload;

  OpenJweCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (signers != null && payload != null) {
      throw new CliException("--signers opens signed payment credentials; --payload does not apply");
    }
    JWKSet keys = JwkLoader.loadSet(jwks);
    byte[] output = signers != null ? openSigned(keys) : openTyped(keys, payload == null ? JwePayload.TOKEN_DATA : payload);
    try {
      io.out().println(new String(output, StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(output, (byte) 0);
    }
    return 0;
  }

  private byte[] openSigned(JWKSet keys) {
    SignedJweOpener opener = SignedJweOpener.of(keys, JwkLoader.loadSet(signers));
    byte[] credentials = opener.open(io.readInput());
    try {
      return HexFormat.of().withUpperCase().formatHex(credentials).getBytes(StandardCharsets.US_ASCII);
    } finally {
      Arrays.fill(credentials, (byte) 0);
    }
  }

  private byte[] openTyped(JWKSet keys, JwePayload expected) {
    EnvelopeOpener opener = expected == JwePayload.ACCOUNT_NUMBER ? JweOpener.rsaOaep256(keys) : JweOpener.ecdhEs(keys);
    return opener.open(io.readInput(), expected.type).toPlaintext();
  }

  /** The {@code --payload} option: what the JWE carries, which also fixes its algorithms. */
  enum JwePayload {
    TOKEN_DATA("token-data", TokenData.TYPE),
    TOKEN_CREDENTIALS("token-credentials", TokenCredentials.TYPE),
    ACCOUNT_NUMBER("account-number", AccountNumber.TYPE);

    private final String option;
    final PayloadType<? extends Payload> type;

    JwePayload(String option, PayloadType<? extends Payload> type) {
      this.option = option;
      this.type = type;
    }

    @Override
    public String toString() {
      return option;
    }

    /** Reads the option's value. */
    static final class Converter implements CommandLine.ITypeConverter<JwePayload> {
      @Override
      public JwePayload convert(String value) {
        for (JwePayload payload : values()) {
          if (payload.option.equals(value)) {
            return payload;
          }
        }
        throw new CommandLine.TypeConversionException("expected token-data, token-credentials or account-number");
      }
    }
  }
}
