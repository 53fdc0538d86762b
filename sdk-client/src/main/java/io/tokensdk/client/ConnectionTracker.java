package io.tokensdk.client;

import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that records, on each attempt's {@link AttemptTag}, that a connection was ready (so the request
 * may reach the server), whether the connection is new, what the TLS handshake presented, and that the answer's headers
 * arrived. OkHttp runs network interceptors only once a connection exists, which is exactly the line between "never sent"
 * and "may have been sent".
 */
final class ConnectionTracker implements Interceptor {
  private final Set<Connection> seen = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

  @Override
  public Response intercept(Chain chain) throws IOException {
    AttemptTag tag = chain.request().tag(AttemptTag.class);
    if (tag == null) {
      return chain.proceed(chain.request());
    }
    Connection connection = chain.connection();
    if (connection != null) {
      tag.connected(connection, seen.add(connection));
    }
    Response response = chain.proceed(chain.request());
    tag.markHeadersReceived();
    return response;
  }
}
