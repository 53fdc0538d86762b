package io.tokensdk.client;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time as a call sees it: a monotonic clock for deadlines, a wall clock for {@code Retry-After} dates, a blocking wait for
 * synchronous backoff and a scheduled hand-off for asynchronous backoff. Tests replace it with a fake, so the retry logic
 * never depends on real time there.
 */
interface CallTiming {
  /** The real clocks; asynchronous retries are scheduled on the JDK's shared delay scheduler, which holds no thread per call. */
  CallTiming SYSTEM = new CallTiming() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Clock wallClock() {
      return Clock.systemUTC();
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run).execute(task);
    }
  };

  /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** The wall clock, for HTTP dates. */
  Clock wallClock();

  /** Blocks the calling thread for {@code delay}. */
  void sleep(Duration delay) throws InterruptedException;

  /**
   * Runs {@code task} after {@code delay} on a scheduler thread, without holding a thread meanwhile; the task must only
   * hand work on to an executor.
   */
  void schedule(Duration delay, Runnable task);
}
