package io.tokensdk.examples;

import io.tokensdk.examples.cli.CliIo;
import io.tokensdk.examples.cli.Commands;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The entry point of {@code tokensdk-examples.jar}: {@code demo}, {@code serve} and the operator commands. Run with no
 * arguments for the list.
 */
public final class Main {
  private Main() {
  }

  /** Runs a command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs a command with the given streams (in-process use and tests) and returns its exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return Commands.commandLine(new CliIo(in, out, err)).execute(args);
  }
}
