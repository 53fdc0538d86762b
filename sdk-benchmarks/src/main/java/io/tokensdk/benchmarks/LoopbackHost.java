package io.tokensdk.benchmarks;

/** A server on loopback that a benchmark drives: its port, and a close that stops it. */
interface LoopbackHost extends AutoCloseable {
  int port();

  @Override
  void close();
}
