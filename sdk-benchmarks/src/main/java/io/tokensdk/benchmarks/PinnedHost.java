package io.tokensdk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host of {@link HostBenchmark} or {@link RoundTripBenchmark} in its own JVM, pinned to one CPU with {@code taskset},
 * while the benchmark's client threads are pinned to another ({@link #pinThisProcess}). On a small machine, 256 client
 * threads in the server's JVM take the CPU the server needs, and the figures then measure the scheduler more than the
 * host.
 */
final class PinnedHost implements LoopbackHost {
  /** The hosts started and not yet closed. */
  private static final Set<PinnedHost> RUNNING = ConcurrentHashMap.newKeySet();
  /**
   * The CPU time of the hosts closed so far, read as each closed. JMH tears a trial down before its profilers see the
   * last iteration end, so that iteration's figure needs the CPU of a host that is already gone.
   */
  private static final AtomicLong CLOSED_CPU_NANOS = new AtomicLong();
  private final Process process;
  private final int port;

  /**
   * Starts {@code kind} ({@code sdk} or {@code bare}) on {@code cpu}.
   *
   * @param tls the directory of the TLS material ({@link Tls#write}), or null for plain HTTP
   */
  PinnedHost(String kind, Path tls, int cpu) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of("taskset", "-c", Integer.toString(cpu), java, "-Xms1g", "-Xmx1g", "-cp",
        System.getProperty("java.class.path"), HostServer.class.getName(), kind, tls == null ? "plain" : tls.toString()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    String line = out.readLine();
    if (line == null || !line.startsWith("port ")) {
      process.destroyForcibly();
      throw new IOException("the " + kind + " host did not start (it printed " + line + ")");
    }
    port = Integer.parseInt(line.substring("port ".length()));
    RUNNING.add(this);
  }

  /**
   * The CPU time the hosts' JVMs have used so far, all their threads, in ns: of the running ones now, of the closed ones
   * when they closed (the kernel counts it in clock ticks, 10 ms here, a percent of a 1 s iteration at most). A round
   * trip's CPU is the benchmark JVM's and the change in this.
   */
  static long hostsCpuNanos() {
    long nanos = CLOSED_CPU_NANOS.get();
    for (PinnedHost host : RUNNING) {
      nanos += host.cpuNanos();
    }
    return nanos;
  }

  private long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** Pins every thread of this JVM, and the threads they start, to {@code cpu}. */
  static void pinThisProcess(int cpu) throws IOException, InterruptedException {
    Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", Integer.toString(cpu),
        Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (taskset.waitFor() != 0) {
      throw new IOException("taskset could not pin the benchmark to CPU " + cpu);
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    if (RUNNING.remove(this)) {
      CLOSED_CPU_NANOS.addAndGet(cpuNanos());
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
