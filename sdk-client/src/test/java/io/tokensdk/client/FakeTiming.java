package io.tokensdk.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake clock for the retry logic: waiting advances it at once and is recorded, so tests with long backoffs take no real
 * time and can assert every wait. Scheduled retries run at once, or are held until {@link #releaseHeld()}.
 */
final class FakeTiming implements CallTiming {
  private final Instant start = Instant.now();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
  private volatile boolean holdScheduled;

  /** Keeps scheduled retries until {@link #releaseHeld()}. */
  FakeTiming holdScheduled() {
    this.holdScheduled = true;
    return this;
  }

  /** Every wait so far, synchronous or scheduled. */
  List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** Waits (bounded) for a held retry, then runs it. */
  void releaseHeld() throws InterruptedException {
    Runnable task = held.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    if (task == null) {
      throw new AssertionError("no retry was scheduled");
    }
    task.run();
  }

  /** The number of retries waiting to be released. */
  int heldCount() {
    return held.size();
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public Clock wallClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return start.plusNanos(nanos.get() - 1_000_000_000L);
      }
    };
  }

  @Override
  public void sleep(Duration delay) {
    waits.add(delay);
    nanos.addAndGet(delay.toNanos());
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    waits.add(delay);
    nanos.addAndGet(delay.toNanos());
    if (holdScheduled) {
      held.add(task);
    } else {
      task.run();
    }
  }
}
