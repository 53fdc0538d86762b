package io.tokensdk.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Pairs the results of one run and prints each pair's ratio, as speed (higher is better: 1.0 means as fast as the
 * baseline), with one standard deviation propagated from both sides. Benchmark methods are named {@code side_path}: {@code sdk_open} is the SDK, {@code floor_open} (or any
 * other side, such as {@code nimbus_open}) its baseline for the same path and the same parameters.
 */
final class RatioReport {
  /** The label of the compiler profiler's time in the measured iterations, in ms. */
  static final String JIT_MS = "compiler.time.profiled";

  private RatioReport() {
  }

  /** One benchmark's figures. */
  record Figure(String side, double wall, double wallError, Mode mode, double cpu, double cpuError, String cpuLabel,
      double allocBytes, double jitShare) {
    /** Speed ratio of this (the SDK) against {@code base}, from wall time or throughput. */
    double[] wallRatio(Figure base) {
      double ratio = mode == Mode.Throughput ? wall / base.wall : base.wall / wall;
      return new double[] {ratio, ratio * Math.hypot(wallError / wall, base.wallError / base.wall)};
    }

    /** Speed ratio of this against {@code base}, from CPU time per operation. */
    double[] cpuRatio(Figure base) {
      double ratio = base.cpu / cpu;
      return new double[] {ratio, ratio * Math.hypot(cpuError / cpu, base.cpuError / base.cpu)};
    }
  }

  /**
   * One pair's ratio in one run: the SDK against the baseline {@code base}. {@code jitShare}: the larger share of its
   * measured time that either side's JIT compilers spent compiling (NaN when not profiled).
   */
  record Ratio(String pair, String base, double[] cpu, double[] wall, double sdkAlloc, double baseAlloc,
      double jitShare) {
    /** True when a side was still being compiled while it was measured: its figure is not the steady state. */
    boolean warming() {
      return jitShare > WARMING_JIT_SHARE;
    }
  }

  /**
   * Above this share of the measured time spent by the JIT compilers, a side is still warming up. A steady round trip
   * compiles for well under 1% of it; one still warming, for 10–30% (C2 then takes a core from the code measured).
   */
  static final double WARMING_JIT_SHARE = 0.03;
  private static final String WARMING_NOTE = "! a side was still being compiled by the JIT while measured (over "
      + Math.round(WARMING_JIT_SHARE * 100) + "%% of the measured time): not its steady state; warm up longer (-wi)%n";

  /** Each pair's ratios in one run, sorted by pair. */
  static List<Ratio> ratios(Collection<RunResult> results) {
    Map<String, List<Figure>> pairs = new LinkedHashMap<>();
    for (RunResult run : results) {
      BenchmarkParams params = run.getParams();
      String full = params.getBenchmark();
      if (full.contains("HostBenchmark")) {
        // its figures are goodput and overload answers, not a pair's speed: HostReport prints them
        continue;
      }
      String className = full.substring(0, full.lastIndexOf('.'));
      String method = full.substring(full.lastIndexOf('.') + 1);
      int split = method.indexOf('_');
      String side = split < 0 ? method : method.substring(0, split);
      String path = split < 0 ? method : method.substring(split + 1);
      StringBuilder key = new StringBuilder(className.substring(className.lastIndexOf('.') + 1)).append('.').append(path);
      for (String name : params.getParamsKeys()) {
        key.append(' ').append(name).append('=').append(params.getParam(name));
      }
      if (params.getThreads() > 1) {
        key.append(" threads=").append(params.getThreads());
      }
      if (params.getMode() != Mode.AverageTime) {
        key.append(" [").append(params.getMode().shortLabel()).append(']');
      }
      pairs.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(figure(side, run));
    }
    List<Ratio> ratios = new ArrayList<>();
    for (Map.Entry<String, List<Figure>> pair : new TreeMap<>(pairs).entrySet()) {
      Figure sdk = pair.getValue().stream().filter(f -> f.side().equals("sdk")).findFirst().orElse(null);
      if (sdk == null) {
        continue;
      }
      for (Figure base : pair.getValue()) {
        if (base != sdk) {
          ratios.add(new Ratio(pair.getKey(), base.side(), sdk.cpuRatio(base), sdk.wallRatio(base), sdk.allocBytes(),
              base.allocBytes(), Math.max(sdk.jitShare(), base.jitShare())));
        }
      }
    }
    return ratios;
  }

  /** The ratios of one run, each with its error propagated from both sides' iterations, then the host figures. */
  static String render(Collection<RunResult> results) {
    StringBuilder out = new StringBuilder();
    List<Ratio> ratios = ratios(results);
    if (!ratios.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%-58s %-8s %15s %15s %12s  %s%n", "pair", "base", "speed (cpu)",
          "speed (wall)", "B/op sdk:base", "JIT"));
    }
    for (Ratio ratio : ratios) {
      out.append(String.format(Locale.ROOT, "%-58s %-8s %8.2f ± %4.2f %8.2f ± %4.2f %6.0f:%-6.0f %s%n", ratio.pair(),
          ratio.base(), ratio.cpu()[0], ratio.cpu()[1], ratio.wall()[0], ratio.wall()[1], ratio.sdkAlloc(),
          ratio.baseAlloc(), jit(ratio.jitShare(), ratio.warming())));
    }
    if (ratios.stream().anyMatch(Ratio::warming)) {
      out.append(String.format(Locale.ROOT, WARMING_NOTE));
    }
    out.append(HostReport.render(results));
    return out.toString();
  }

  /**
   * The ratios of several rounds, each round having measured both sides of a pair back to back: per pair, the mean of
   * the rounds' ratios with their standard deviation, then each round's CPU ratio. The deviation across rounds is the
   * error to trust: it includes the noise that falls between a pair's two sides.
   */
  static String renderRounds(List<Collection<RunResult>> rounds) {
    Map<String, List<Ratio>> byPair = new TreeMap<>();
    for (Collection<RunResult> round : rounds) {
      for (Ratio ratio : ratios(round)) {
        byPair.computeIfAbsent(String.format(Locale.ROOT, "%-58s %-8s", ratio.pair(), ratio.base()),
            k -> new ArrayList<>()).add(ratio);
      }
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-58s %-8s %15s %15s %12s  %s%n", "pair", "base",
        "speed (cpu)", "speed (wall)", "B/op sdk:base", "cpu by round, JIT"));
    boolean anyWarming = false;
    for (Map.Entry<String, List<Ratio>> pair : byPair.entrySet()) {
      List<Ratio> each = pair.getValue();
      double[] cpu = meanAndDeviation(each.stream().mapToDouble(r -> r.cpu()[0]).toArray());
      double[] wall = meanAndDeviation(each.stream().mapToDouble(r -> r.wall()[0]).toArray());
      StringBuilder byRound = new StringBuilder();
      each.forEach(r -> byRound.append(String.format(Locale.ROOT, " %.2f", r.cpu()[0])));
      byRound.append(", ").append(jit(each.stream().mapToDouble(Ratio::jitShare).max().orElse(Double.NaN),
          each.stream().anyMatch(Ratio::warming)));
      anyWarming |= each.stream().anyMatch(Ratio::warming);
      out.append(String.format(Locale.ROOT, "%s %8.2f ± %4.2f %8.2f ± %4.2f %6.0f:%-6.0f %s%n", pair.getKey(), cpu[0],
          cpu[1], wall[0], wall[1], each.stream().mapToDouble(Ratio::sdkAlloc).average().orElse(Double.NaN),
          each.stream().mapToDouble(Ratio::baseAlloc).average().orElse(Double.NaN), byRound));
    }
    if (anyWarming) {
      out.append(String.format(Locale.ROOT, WARMING_NOTE));
    }
    for (int i = 0; i < rounds.size(); i++) {
      String host = HostReport.render(rounds.get(i));
      if (!host.isEmpty()) {
        out.append(String.format(Locale.ROOT, "%nRound %d:", i + 1)).append(host);
      }
    }
    return out.toString();
  }

  /** The JIT's share of the measured time, marked with {@code !} when a side was still warming up. */
  private static String jit(double share, boolean warming) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%%s", share * 100, warming ? " !" : "");
  }

  private static double[] meanAndDeviation(double[] values) {
    double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
    double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return new double[] {mean, values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1))};
  }

  private static Figure figure(String side, RunResult run) {
    Result<?> primary = run.getPrimaryResult();
    Map<String, Result> secondary = run.getSecondaryResults();
    boolean roundTrip = run.getParams().getBenchmark().contains("RoundTrip");
    Result<?> cpu = secondary.get(roundTrip ? ThreadCpuProfiler.PROCESS : ThreadCpuProfiler.THREAD);
    Result<?> alloc = secondary.get("gc.alloc.rate.norm");
    return new Figure(side, primary.getScore(), spread(primary), run.getParams().getMode(),
        cpu == null ? Double.NaN : cpu.getScore(), cpu == null ? 0 : spread(cpu),
        roundTrip ? ThreadCpuProfiler.PROCESS : ThreadCpuProfiler.THREAD,
        alloc == null ? Double.NaN : alloc.getScore(), jitShare(run));
  }

  /**
   * The share of the measured time that the JIT compilers spent compiling, from JMH's compiler profiler (its
   * {@value #JIT_MS} sums their time over the measured iterations), or NaN when it did not run.
   */
  private static double jitShare(RunResult run) {
    Result<?> compiling = run.getSecondaryResults().get(JIT_MS);
    IterationParams measured = run.getParams().getMeasurement();
    double measuredMs = measured.getCount() * (double) measured.getTime().convertTo(TimeUnit.MILLISECONDS);
    return compiling == null || measuredMs <= 0 ? Double.NaN : compiling.getScore() / measuredMs;
  }

  /**
   * One standard deviation across the measured iterations. JMH's own score error is a 99.9% confidence half-width, which
   * with a handful of iterations mostly measures the t-distribution's tail; a deviation compares better across pairs.
   */
  private static double spread(Result<?> result) {
    double deviation = result.getStatistics().getStandardDeviation();
    return Double.isFinite(deviation) ? deviation : 0;
  }
}
