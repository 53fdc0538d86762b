package io.tokensdk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How this machine's idle CPUs wait, as Linux reports it, for the report's header. On a virtual machine whose idle CPUs
 * halt at once ({@code guest_halt_poll_ns} 0), waking a thread goes through the hypervisor, and a sequential round trip
 * pays for that more the longer its host works: the round-trip pairs then read lower than on a machine whose idle CPUs
 * poll first (docs/benchmarks.md, "Re-run on 2026-12-07 (midday)").
 */
final class IdleCpus {
  private static final String DRIVER = "sys/devices/system/cpu/cpuidle/current_driver";
  private static final String HALT_POLL = "sys/module/haltpoll/parameters/guest_halt_poll_ns";

  private IdleCpus() {
  }

  /** One line naming the cpuidle driver and, for a virtual machine's haltpoll driver, its poll time. */
  static String describe(Path root) {
    String driver = read(root.resolve(DRIVER));
    String line = "Idle CPUs: cpuidle driver " + (driver == null ? "unknown" : driver);
    String pollNs = read(root.resolve(HALT_POLL));
    if (pollNs == null) {
      return line;
    }
    line += ", guest_halt_poll_ns " + pollNs;
    return pollNs.equals("0")
        ? line + " (an idle virtual CPU halts at once: round-trip pairs read lower, see docs/benchmarks.md)"
        : line;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
