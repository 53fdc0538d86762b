package io.tokensdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, beside JMH's wall time: of the benchmark threads ({@value #THREAD}) and of the whole JVM
 * ({@value #PROCESS}, which includes the server of a round trip, in this JVM or, pinned, in its own:
 * {@value #HOSTS}). On a noisy machine wall times swing with the neighbours; CPU time per operation does much less, so
 * the ratios are computed from it.
 */
public final class ThreadCpuProfiler implements InternalProfiler {
  /** The label of the benchmark threads' CPU time per operation, in ns. */
  public static final String THREAD = "cpu.thread";
  /**
   * The label of the CPU time per operation of the whole JVM and of the hosts it runs in JVMs of their own
   * ({@link PinnedHost}), in ns: all of a round trip's.
   */
  public static final String PROCESS = "cpu.process";
  /** The label of the CPU time per operation of the hosts in JVMs of their own, in ns (already in {@link #PROCESS}). */
  public static final String HOSTS = "cpu.hosts";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> threadStart = Map.of();
  private long processStart;
  private long hostsStart;

  @Override
  public String getDescription() {
    return "CPU time per operation of the benchmark threads and of the JVM (ThreadMXBean)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    threadStart = workerCpu();
    processStart = os.getProcessCpuTime();
    hostsStart = PinnedHost.hostsCpuNanos();
  }

  @Override
  public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long hosts = PinnedHost.hostsCpuNanos() - hostsStart;
    long process = os.getProcessCpuTime() - processStart + hosts;
    long thread = 0;
    for (Map.Entry<Long, Long> now : workerCpu().entrySet()) {
      thread += now.getValue() - threadStart.getOrDefault(now.getKey(), 0L);
    }
    double ops = Math.max(1, result.getMetadata().getMeasuredOps());
    List<ScalarResult> results = new ArrayList<>(List.of(
        new ScalarResult(THREAD, thread / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult(PROCESS, process / ops, "ns/op", AggregationPolicy.AVG)));
    if (hosts > 0) {
      results.add(new ScalarResult(HOSTS, hosts / ops, "ns/op", AggregationPolicy.AVG));
    }
    return results;
  }

  private Map<Long, Long> workerCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("jmh-worker")) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }
}
