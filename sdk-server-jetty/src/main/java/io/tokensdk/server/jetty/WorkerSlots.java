package io.tokensdk.server.jetty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The host's admission control: at most {@code slots} requests run at once and at most {@code capacity} more wait.
 * A request admitted while a slot is free runs at once on the thread that admitted it (a Jetty thread that may block),
 * with no hand-off to another thread; the others wait in order, and a finishing request passes its slot to the first of
 * them, which then runs on the executor. Nothing is admitted after {@link #close()}.
 */
final class WorkerSlots {
  private final int slots;
  private final int capacity;
  private final Executor executor;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;
  private boolean closed;

  /**
   * @param executor where a waiting request runs once a slot passes to it
   */
  WorkerSlots(int slots, int capacity, Executor executor) {
    this.slots = slots;
    this.capacity = capacity;
    this.executor = executor;
  }

  /**
   * Runs {@code task} now on this thread when a slot is free, or queues it when the queue has room.
   *
   * @return false when the task was neither run nor queued: every slot busy and the queue full, or closed
   */
  boolean runOrQueue(Runnable task) {
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (running == slots) {
        if (waiting.size() == capacity) {
          return false;
        }
        waiting.addLast(task);
        return true;
      }
      running++;
    }
    runAndPassOn(task);
    return true;
  }

  private void runAndPassOn(Runnable task) {
    try {
      task.run();
    } finally {
      passOn();
    }
  }

  /** The slot of a finished task goes to the first waiting one, else it is free again. */
  private void passOn() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = waiting.pollFirst();
        if (next == null) {
          running--;
          return;
        }
      }
      try {
        executor.execute(() -> runAndPassOn(next));
        return;
      } catch (RejectedExecutionException e) {
        // the executor is stopping: the task runs here, finds the server stopping and answers at once
        next.run();
      }
    }
  }

  /** How many requests wait for a slot now. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** Admits nothing more; returns the waiting tasks (removed from the queue), for the caller to answer. */
  List<Runnable> close() {
    synchronized (this) {
      closed = true;
      List<Runnable> drained = new ArrayList<>(waiting);
      waiting.clear();
      return drained;
    }
  }
}
