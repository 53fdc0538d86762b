package io.tokensdk.server.jetty;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread: it reads what has arrived and asks Jetty to call it again when more
 * comes. Completes with the body, or fails with {@link TooLargeException} past the limit, {@link TimeoutException} when
 * {@link #expire()} is called first, or the read failure (bad chunking, early end, idle timeout).
 */
final class BodyCollector implements Runnable {
  /** The body is larger than the limit. */
  static final class TooLargeException extends Exception {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("request body too large", null, false, false);
    }
  }

  /** The body did not arrive within its deadline. */
  static final class TimeoutException extends Exception {
    private static final long serialVersionUID = 1L;

    TimeoutException() {
      super("request body not received in time", null, false, false);
    }
  }

  private final Request request;
  private final int limit;
  private final int initialCapacity;
  /** The bytes of the only chunk with content so far, or null. */
  private byte[] first;
  /** The bytes so far once a second chunk has content, else null. */
  private ByteArrayOutputStream out;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();

  private BodyCollector(Request request, int limit) {
    this.request = request;
    this.limit = limit;
    long declared = request.getLength();
    this.initialCapacity = declared > 0 ? (int) Math.min(declared, limit) : 1024;
  }

  /** Starts reading the body of {@code request}, at most {@code limit} bytes. */
  static BodyCollector start(Request request, int limit) {
    BodyCollector collector = new BodyCollector(request, limit);
    collector.run();
    return collector;
  }

  /** The body, or the reason there is none. */
  CompletableFuture<byte[]> result() {
    return result;
  }

  /** Gives up waiting for the rest of the body. */
  void expire() {
    result.completeExceptionally(new TimeoutException());
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        if (!result.isDone()) {
          request.demand(this);
        }
        return;
      }
      try {
        if (result.isDone()) {
          // expired: the answer is on its way and the connection closes after it
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          result.completeExceptionally(chunk.getFailure());
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        if (received() + bytes.remaining() > limit) {
          result.completeExceptionally(new TooLargeException());
          return;
        }
        if (bytes.hasRemaining()) {
          byte[] copy = new byte[bytes.remaining()];
          bytes.get(copy);
          append(copy);
        }
        if (chunk.isLast()) {
          // a body that came in one chunk (most do) is that chunk's copy: no buffer, no further copy
          result.complete(out != null ? out.toByteArray() : first != null ? first : new byte[0]);
          return;
        }
      } finally {
        chunk.release();
      }
    }
  }

  private int received() {
    return out != null ? out.size() : first != null ? first.length : 0;
  }

  private void append(byte[] copy) {
    if (out == null && first == null) {
      first = copy;
      return;
    }
    if (out == null) {
      out = new ByteArrayOutputStream(Math.max(initialCapacity, first.length + copy.length));
      out.write(first, 0, first.length);
      first = null;
    }
    out.write(copy, 0, copy.length);
  }
}
