package io.tokensdk.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
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
 *
 * <p>Watching and closing take no lock: the deadlines sit in a concurrent sorted map, and a new watch reads the planned
 * wake-up to decide whether the thread must be woken. Only then does it take the lock, to signal. The thread clears
 * {@link #planned} before it reads the earliest deadline, and a watch is added before {@code planned} is read: either
 * the thread sees the new watch, or the watch sees that no wake-up is planned and signals.
 */
final class DeadlineWatchdog {
  /** The watchdog of the process; its thread starts with the first watched call. */
  static final DeadlineWatchdog SHARED = new DeadlineWatchdog();

  private final ConcurrentSkipListMap<Watch, Boolean> watched = new ConcurrentSkipListMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition earlierDeadline = lock.newCondition();
  /** Whether the thread sleeps towards {@link #wakeAt} (else it is about to look, or waits for a first watch). */
  private volatile boolean planned;
  private volatile long wakeAt;
  /** Guarded by {@link #lock}. */
  private Thread thread;

  /**
   * Watches {@code call} until the returned watch is closed; cancels it when {@code timeoutNanos} pass first.
   * Closing the watch is required and cheap; it never wakes the thread.
   */
  Watch watch(Call call, long timeoutNanos) {
    Watch watch = new Watch(call, System.nanoTime() + timeoutNanos, sequence.incrementAndGet());
    watched.put(watch, Boolean.TRUE);
    if (!planned || watch.deadline - wakeAt < 0) {
      wakeFor(watch.deadline);
    }
    return watch;
  }

  private void wakeFor(long deadline) {
    lock.lock();
    try {
      if (thread == null) {
        thread = new Thread(this::run, "tokensdk-deadline-watchdog");
        thread.setDaemon(true);
        thread.start();
      }
      if (!planned || deadline - wakeAt < 0) {
        wakeAt = deadline;
        planned = true;
        earlierDeadline.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    List<Watch> expired = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        long now = System.nanoTime();
        for (Map.Entry<Watch, Boolean> first = watched.firstEntry();
            first != null && first.getKey().deadline - now <= 0; first = watched.firstEntry()) {
          if (watched.remove(first.getKey()) != null) {
            expired.add(first.getKey());
          }
        }
        if (expired.isEmpty()) {
          planned = false;
          Map.Entry<Watch, Boolean> first = watched.firstEntry();
          if (first == null) {
            earlierDeadline.awaitUninterruptibly();
          } else {
            // a watch closed since the plan leaves a stale wake-up behind: harmless, it only re-plans
            wakeAt = first.getKey().deadline;
            planned = true;
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
      // cancel outside the lock: OkHttp takes its own locks, and a watch that signals must never wait on them
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
      watched.remove(this);
    }
  }

  /** For tests: how many calls are watched now. */
  int watchedCount() {
    return watched.size();
  }
}
