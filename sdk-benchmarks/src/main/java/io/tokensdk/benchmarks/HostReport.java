package io.tokensdk.benchmarks;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The host figures of {@link HostBenchmark}: goodput (successful answers per second), p99 latency, overload answers and
 * resets at 16 and 256 connections, and goodput at 256 as a share of goodput at 16 (the target: at least 0.8, zero resets).
 */
final class HostReport {
  private HostReport() {
  }

  static String render(Collection<RunResult> results) {
    Map<String, double[]> rows = new TreeMap<>();
    for (RunResult run : results) {
      String benchmark = run.getParams().getBenchmark();
      if (!benchmark.contains("HostBenchmark")) {
        continue;
      }
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String side = method.substring(0, method.indexOf('_'));
      int connections = Integer.parseInt(method.replaceAll("\\D", ""));
      String key = key(run.getParams().getParam("placement"), run.getParams().getParam("transport"),
          run.getParams().getParam("operation"), side, connections);
      double[] row = rows.computeIfAbsent(key, k -> new double[4]);
      Map<String, Result> secondary = run.getSecondaryResults();
      if (run.getParams().getMode() == Mode.Throughput) {
        row[0] = perSecond(secondary.get("ok"));
        row[1] = perSecond(secondary.get("rejected"));
        row[2] = perSecond(secondary.get("resets"));
      } else if (run.getParams().getMode() == Mode.SampleTime) {
        row[3] = run.getPrimaryResult().getStatistics().getPercentile(99);
      }
    }
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nHost (goodput = successful answers/s; p99 in ms;"
        + " goodput/16 = goodput at this many connections over goodput at 16; ÷ bare = the SDK's goodput over bare"
        + " Jetty's):%n%-7s %-6s %-16s %-5s %4s %10s %10s %8s %9s %11s %7s%n", "hosts", "tls", "operation", "side",
        "conn", "goodput/s", "rejected/s", "resets/s", "p99 ms", "goodput/16", "÷ bare"));
    for (Map.Entry<String, double[]> row : rows.entrySet()) {
      String[] parts = row.getKey().trim().split(" +");
      double[] values = row.getValue();
      double[] at16 = rows.get(key(parts[0], parts[1], parts[2], parts[3], 16));
      double[] bare = rows.get(key(parts[0], parts[1], parts[2], "floor", Integer.parseInt(parts[4])));
      out.append(String.format(Locale.ROOT, "%s %10.0f %10.0f %8.1f %9.2f %11s %7s%n", row.getKey(), values[0],
          values[1], values[2], values[3], share(values, at16), parts[3].equals("sdk") ? share(values, bare) : ""));
    }
    return out.toString();
  }

  private static String key(String placement, String tls, String operation, String side, int connections) {
    return String.format(Locale.ROOT, "%-7s %-6s %-16s %-5s %4d", placement, tls, operation, side, connections);
  }

  /** Goodput of {@code row} over goodput of {@code base}, or blank. */
  private static String share(double[] row, double[] base) {
    return base == null || base[0] == 0 ? "" : String.format(Locale.ROOT, "%.2f", row[0] / base[0]);
  }

  private static double perSecond(Result<?> result) {
    if (result == null) {
      return 0;
    }
    double score = result.getScore();
    return result.getScoreUnit().startsWith("ops/ms") ? score * 1000 : score;
  }
}
