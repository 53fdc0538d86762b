package io.tokensdk.benchmarks;

import java.io.IOException;
import java.util.Collection;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the suite (or the benchmarks matching the given JMH arguments, e.g. {@code Cms}) with the CPU-time and GC
 * profilers, then prints each SDK/baseline pair's ratio with its error. Both sides of a pair run in the same JVM
 * invocation, one after the other, so a noisy neighbour affects both.
 */
public final class BenchMain {
  private BenchMain() {
  }

  /**
   * Entry point: {@code java -jar sdk-benchmarks/target/tokensdk-benchmarks.jar [JMH options] [regex]}.
   *
   * @param args JMH command-line options; defaults: 1 fork, 3 warm-up and 5 measured iterations of 1 s. {@code -h},
   *     {@code -l}, {@code -lp}, {@code -lprof} and {@code -lrf} are answered by JMH and run nothing.
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
    CommandLineOptions cli = new CommandLineOptions(args);
    if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
        || cli.shouldListResultFormats()) {
      Main.main(args);
      return;
    }
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
        .addProfiler(ThreadCpuProfiler.class)
        .addProfiler(GCProfiler.class);
    if (cli.getIncludes().isEmpty()) {
      options.include("io\\.tokensdk\\.benchmarks\\..*");
    }
    if (!cli.getForkCount().hasValue()) {
      options.forks(1);
    }
    if (!cli.getWarmupIterations().hasValue()) {
      options.warmupIterations(3);
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      options.measurementIterations(5);
    }
    if (!cli.getWarmupTime().hasValue()) {
      options.warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
    }
    if (!cli.getMeasurementTime().hasValue()) {
      options.measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.println("Ratios (speed of the SDK against its baseline: higher is better, 1.00 = as fast):");
    System.out.print(RatioReport.render(results));
  }
}
