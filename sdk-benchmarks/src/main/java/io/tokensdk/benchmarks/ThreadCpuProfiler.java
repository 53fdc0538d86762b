package io.tokensdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * ({@value #PROCESS}, which includes the in-process server of a round trip). On a noisy machine wall times swing with the
 * neighbours; CPU time per operation does much less, so the ratios are computed from it.
 */
public final class ThreadCpuProfiler implements InternalProfiler {
  /** The label of the benchmark threads' CPU time per operation, in ns. */
  public static final String THREAD = "cpu.thread";
  /** The label of the whole JVM's CPU time per operation, in ns. */
  public static final String PROCESS = "cpu.process";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> threadStart = Map.of();
  private long processStart;

  @Override
  public String getDescription() {
    return "CPU time per operation of the benchmark threads and of the JVM (ThreadMXBean)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    threadStart = workerCpu();
    processStart = os.getProcessCpuTime();
  }

  @Override
  public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long process = os.getProcessCpuTime() - processStart;
    long thread = 0;
    for (Map.Entry<Long, Long> now : workerCpu().entrySet()) {
      thread += now.getValue() - threadStart.getOrDefault(now.getKey(), 0L);
    }
    double ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(
        new ScalarResult(THREAD, thread / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult(PROCESS, process / ops, "ns/op", AggregationPolicy.AVG));
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
