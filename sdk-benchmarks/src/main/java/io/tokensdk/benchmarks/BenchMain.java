package io.tokensdk.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.profile.CompilerProfiler;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the suite (or the benchmarks matching the given JMH arguments, e.g. {@code Cms}) with the CPU-time, GC and JIT
 * compiler profilers, then prints each SDK/baseline pair's ratio with its error, marking a pair whose sides were still
 * being compiled while measured.
 * <p>With {@code --rounds N}, each pair's sides are measured back to back, pair after pair, and the whole selection N
 * times over; each round gives each pair a ratio, and the report gives their mean and deviation. Without it, JMH runs
 * the selection once in its own order, where a pair's two sides can be minutes apart, and a neighbour's noise in between
 * falls on one side only.
 */
public final class BenchMain {
  private static final String ROUNDS = "--rounds";

  private BenchMain() {
  }

  /**
   * Entry point: {@code java -jar sdk-benchmarks/target/tokensdk-benchmarks.jar [--rounds N] [JMH options] [regex]}.
   *
   * @param args {@code --rounds N} (see the class comment), then JMH command-line options; defaults: 1 fork, the warm-up
   *     iterations of each benchmark class (3; 30 for the round trips, whose longer SDK side C2 takes that long to
   *     compile) and 5 measured iterations, all of 1 s. {@code -h}, {@code -l}, {@code -lp}, {@code -lprof} and {@code -lrf} are
   *     answered by JMH and run nothing.
   */
  public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
    int rounds = 0;
    List<String> jmhArgs = new ArrayList<>(Arrays.asList(args));
    int at = jmhArgs.indexOf(ROUNDS);
    if (at >= 0) {
      if (at + 1 >= jmhArgs.size() || !jmhArgs.get(at + 1).matches("[1-9][0-9]?")) {
        throw new IllegalArgumentException(ROUNDS + " takes a number of rounds from 1 to 99");
      }
      rounds = Integer.parseInt(jmhArgs.get(at + 1));
      jmhArgs.subList(at, at + 2).clear();
    }
    CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
        || cli.shouldListResultFormats()) {
      Main.main(jmhArgs.toArray(String[]::new));
      return;
    }
    List<String> includes = cli.getIncludes().isEmpty() ? List.of("io\\.tokensdk\\.benchmarks\\..*") : cli.getIncludes();
    if (rounds == 0) {
      ChainedOptionsBuilder options = options(cli);
      if (cli.getIncludes().isEmpty()) {
        options.include(includes.get(0));
      }
      Collection<RunResult> results = new Runner(options.build()).run();
      printHeader();
      System.out.print(RatioReport.render(results));
      return;
    }
    // the pattern the user gave selects the pairs; each run below names one pair, so the options keep no pattern
    CommandLineOptions withoutIncludes = new CommandLineOptions(withoutPatterns(jmhArgs, cli.getIncludes()));
    List<Collection<RunResult>> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      List<RunResult> thisRound = new ArrayList<>();
      for (String pair : pairs(includes, cli.getExcludes())) {
        System.out.printf("%n# Round %d of %d, pair %s%n", round, rounds, pair);
        thisRound.addAll(new Runner(options(withoutIncludes).include(pair).build()).run());
      }
      results.add(thisRound);
    }
    printHeader();
    System.out.print(RatioReport.renderRounds(results));
  }

  private static void printHeader() {
    System.out.println();
    System.out.println(IdleCpus.describe(Path.of("/")));
    System.out.println("Ratios (speed of the SDK against its baseline: higher is better, 1.00 = as fast):");
  }

  private static ChainedOptionsBuilder options(CommandLineOptions cli) {
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
        .addProfiler(ThreadCpuProfiler.class)
        .addProfiler(GCProfiler.class)
        // a side still being compiled is not at its steady state: the report marks such pairs
        .addProfiler(CompilerProfiler.class);
    if (!cli.getForkCount().hasValue()) {
      options.forks(1);
    }
    if (!cli.getMeasurementIterations().hasValue()) {
      options.measurementIterations(5);
    }
    if (!cli.getWarmupTime().hasValue()) {
      options.warmupTime(TimeValue.seconds(1));
    }
    if (!cli.getMeasurementTime().hasValue()) {
      options.measurementTime(TimeValue.seconds(1));
    }
    return options;
  }

  /** One pattern per pair selected: all the sides ({@code sdk_x}, {@code floor_x}, ...) of one path of one class. */
  private static List<String> pairs(List<String> includes, List<String> excludes) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (BenchmarkListEntry entry : BenchmarkList.defaultList()
        .find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes, excludes)) {
      String name = entry.getUsername();
      int dot = name.lastIndexOf('.');
      String method = name.substring(dot + 1);
      String path = method.substring(method.indexOf('_') + 1);
      String key = name.substring(0, dot + 1) + path;
      pairs.putIfAbsent(key,
          "^" + Pattern.quote(name.substring(0, dot + 1)) + "[A-Za-z0-9]+_" + Pattern.quote(path) + "$");
    }
    return new ArrayList<>(pairs.values());
  }

  /** {@code args} without the positional patterns (an option's value stays, even if it looks like a pattern). */
  private static String[] withoutPatterns(List<String> args, List<String> patterns) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      boolean optionValue = i > 0 && args.get(i - 1).startsWith("-");
      if (optionValue || !patterns.contains(args.get(i))) {
        kept.add(args.get(i));
      }
    }
    return kept.toArray(String[]::new);
  }
}
