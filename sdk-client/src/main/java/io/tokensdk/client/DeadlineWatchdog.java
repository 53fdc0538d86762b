package io.tokensdk.client;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;

/**
 * Cancels each watched call whose deadline passes, from one daemon thread shared by all clients.
 *
 * <p>OkHttp's own call timeout wakes its watchdog thread whenever a call starts with an empty queue, which on a
 * sequential caller is every call: a futex wake and a context switch per request. This watchdog only wakes when a new
 * deadline is earlier than the wake-up it already planned. Deadlines of one client are alike, so under steady traffic
 * it wakes about once per deadline length, not once per call.
 */
final class DeadlineWatchdog {
  /** The watchdog of the process; its thread starts with the first watched call. */
  static final DeadlineWatchdog SHARED = new DeadlineWatchdog();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition earlierDeadline = lock.newCondition();
  private final TreeSet<Watch> watched = new TreeSet<>();
  private final AtomicLong sequence = new AtomicLong();
  /** Guarded by {@link #lock}: whether the thread sleeps towards {@link #wakeAt} (else it waits for a first watch). */
  private boolean planned;
  private long wakeAt;
  private Thread thread;

  /**
   * Watches {@code call} until the returned watch is closed; cancels it when {@code timeoutNanos} pass first.
   * Closing the watch is required and cheap; it never wakes the thread.
   */
  Watch watch(Call call, long timeoutNanos) {
    Watch watch = new Watch(call, System.nanoTime() + timeoutNanos, sequence.incrementAndGet());
    lock.lock();
    try {
      watched.add(watch);
      if (thread == null) {
        thread = new Thread(this::run, "tokensdk-deadline-watchdog");
        thread.setDaemon(true);
        thread.start();
      }
      if (!planned || watch.deadline - wakeAt < 0) {
        planned = true;
        wakeAt = watch.deadline;
        earlierDeadline.signal();
      }
    } finally {
      lock.unlock();
    }
    return watch;
  }

  private void run() {
    List<Watch> expired = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        long now = System.nanoTime();
        while (!watched.isEmpty() && watched.first().deadline - now <= 0) {
          expired.add(watched.pollFirst());
        }
        if (expired.isEmpty()) {
          if (watched.isEmpty()) {
            planned = false;
            earlierDeadline.awaitUninterruptibly();
          } else {
            // a watch closed since the plan leaves a stale wake-up behind: harmless, it only re-plans
            planned = true;
            wakeAt = watched.first().deadline;
            earlierDeadline.awaitNanos(wakeAt - now);
          }
          continue;
        }
      } catch (InterruptedException e) {
        // only a stop of the JVM interrupts a daemon thread of ours; the loop re-checks the deadlines
        continue;
      } finally {
        lock.unlock();
      }
      // cancel outside the lock: OkHttp takes its own locks, and watch() must never wait on them
      expired.forEach(watch -> watch.call.cancel());
      expired.clear();
    }
  }

  /** The watch of one call; {@link #close} ends it. */
  final class Watch implements Comparable<Watch>, AutoCloseable {
    private final Call call;
    private final long deadline;
    private final long order;

    private Watch(Call call, long deadline, long order) {
      this.call = call;
      this.deadline = deadline;
      this.order = order;
    }

    @Override
    public int compareTo(Watch other) {
      int byDeadline = Long.compare(deadline - other.deadline, 0);
      return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
    }

    @Override
    public void close() {
      lock.lock();
      try {
        watched.remove(this);
      } finally {
        lock.unlock();
      }
    }
  }

  /** For tests: how many calls are watched now. */
  int watchedCount() {
    lock.lock();
    try {
      return watched.size();
    } finally {
      lock.unlock();
    }
  }
}
