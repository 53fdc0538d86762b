package io.tokensdk.examples.cli;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.crypto.keys.KeyLoadException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree of the examples jar, wired to a {@link CliIo}. */
@Command(name = "java -jar tokensdk-examples.jar", mixinStandardHelpOptions = true,
    description = "tokensdk examples: the end-to-end demo, the sample servers, and operator tools for envelopes.")
public final class Commands implements Runnable {
  private final CliIo io;

  private Commands(CliIo io) {
    this.io = io;
  }

  /** The command line: {@code demo}, {@code serve}, {@code seal-card}, {@code open-card}, {@code seal-jwe}, etc. */
  public static CommandLine commandLine(CliIo io) {
    CommandLine cli = new CommandLine(new Commands(io));
    cli.addSubcommand(new DemoCommand(io));
    cli.addSubcommand(new ServeCommand(io));
    cli.addSubcommand(new SealCardCommand(io));
    cli.addSubcommand(new OpenCardCommand(io));
    cli.addSubcommand(new SealJweCommand(io));
    cli.addSubcommand(new OpenJweCommand(io));
    cli.addSubcommand(new KcvCommand(io));
    cli.addSubcommand(new InspectCommand(io));
    cli.setOut(new PrintWriter(io.out(), true));
    cli.setErr(new PrintWriter(io.err(), true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + safeMessage(e));
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, io.out());
  }

  /** A message fit for stderr: known exceptions say what was wrong; anything else only names its type. */
  static String safeMessage(Exception e) {
    if (e instanceof CliException || e instanceof KeyLoadException || e instanceof EnvelopeOpenException
        || e instanceof InvalidPayloadException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + " (details withheld: they could hold key material)";
  }
}
