package io.tokensdk.server.jetty;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's thread pool for the host, which runs the handlers too: when Jetty stops it neither waits for a running
 * thread nor interrupts it, and its idle threads end at once (a handler's thread ends when the handler returns). Jetty's own pool waits and then interrupts its threads, for as long as the server's stop
 * timeout has left; an interrupt could stop a handler after it created a token but before its answer is recorded, and
 * the host's stop grace already bounds how long a stop waits for the handlers (see {@link TokenSdkServer#stop()}).
 */
final class HostThreads extends QueuedThreadPool {
  /** Jetty's threads besides the handlers' (acceptor, selectors, I/O callbacks): Jetty's default pool size. */
  private static final int JETTY_THREADS = 200;

  /** A pool for Jetty's own work and at most {@code handlers} handlers running at once. */
  HostThreads(int handlers) {
    super(JETTY_THREADS + handlers);
    setName("tokensdk");
  }

  /** Ignored: the stop timeout stays 0, so a stop neither waits for running threads nor interrupts them. */
  @Override
  public void setStopTimeout(long stopTimeout) {
    // Server.doStop sets what is left of its own stop timeout here; see the class comment
  }

  @Override
  protected void doStop() throws Exception {
    int threads = getThreads();
    super.doStop();
    // without a stop timeout Jetty's pool leaves its idle threads waiting for work until their idle timeout, which
    // would keep the JVM alive: each takes one of these, finds the pool stopped and ends
    for (int i = 0; i < threads; i++) {
      getQueue().offer(HostThreads::wakeUp);
    }
  }

  private static void wakeUp() {
    // nothing: the thread that runs this sees the pool stopped and ends
  }
}
