package io.tokensdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdleCpusTest {
  @TempDir
  Path root;

  @Test
  void namesAHaltingVirtualMachine() throws IOException {
    write("sys/devices/system/cpu/cpuidle/current_driver", "haltpoll\n");
    write("sys/module/haltpoll/parameters/guest_halt_poll_ns", "0\n");

    assertEquals("Idle CPUs: cpuidle driver haltpoll, guest_halt_poll_ns 0 (an idle virtual CPU halts at once:"
        + " round-trip pairs read lower, see docs/benchmarks.md)", IdleCpus.describe(root));
  }

  @Test
  void namesAPollingVirtualMachineWithoutAWarning() throws IOException {
    write("sys/devices/system/cpu/cpuidle/current_driver", "haltpoll\n");
    write("sys/module/haltpoll/parameters/guest_halt_poll_ns", "200000\n");

    assertEquals("Idle CPUs: cpuidle driver haltpoll, guest_halt_poll_ns 200000", IdleCpus.describe(root));
  }

  @Test
  void namesTheDriverOfAMachineWithoutHaltPolling() throws IOException {
    write("sys/devices/system/cpu/cpuidle/current_driver", "intel_idle\n");

    assertEquals("Idle CPUs: cpuidle driver intel_idle", IdleCpus.describe(root));
  }

  @Test
  void saysUnknownWhenLinuxReportsNothing() {
    assertEquals("Idle CPUs: cpuidle driver unknown", IdleCpus.describe(root));
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
