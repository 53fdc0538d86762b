package io.tokensdk.examples.cli;

import io.tokensdk.crypto.raw.Kcv;
import io.tokensdk.crypto.raw.RawAlgorithm;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import javax.crypto.spec.SecretKeySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kcv}: the key check value of a hex key (from stdin, or --key). */
@Command(name = "kcv", description = {"Prints the KCV of a key given in hex on stdin (preferred: stays out of the "
    + "shell history) or with --key. The key itself is never printed.",
    "Example: echo 00112233445566778899AABBCCDDEEFF | java -jar tokensdk-examples.jar kcv"})
final class KcvCommand implements Callable<Integer> {
  private final CliIo io;

  @Option(names = "--key", description = "the key in hex (default: read from stdin)")
  String key;
  @Option(names = "--algorithm", defaultValue = "AES", description = "AES (default) or 3DES")
  String algorithm;
  @Option(names = "--cmac", description = "the CMAC-based KCV of X9.24-1:2017 (5 bytes) instead of the ECB one")
  boolean cmac;

  KcvCommand(CliIo io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    RawAlgorithm algo;
    try {
      algo = RawAlgorithm.fromWireName(algorithm.toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new CliException("--algorithm must be AES or 3DES");
    }
    String hex = (key != null ? key : io.readInput()).replaceAll("\\s", "");
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new CliException("the key is not hex");
    }
    try {
      io.out().println(cmac ? Kcv.cmac(new SecretKeySpec(bytes, algo == RawAlgorithm.AES ? "AES" : "DESede"))
          : Kcv.of(algo, bytes));
    } catch (RuntimeException e) {
      throw new CliException("not a valid " + algo.wireName() + " key (" + bytes.length + " bytes)");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    return 0;
  }
}
