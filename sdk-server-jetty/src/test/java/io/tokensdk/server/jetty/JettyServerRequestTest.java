package io.tokensdk.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headers a {@link JettyServerRequest} gives, asked for again, in another case, and more names than it remembers. */
class JettyServerRequestTest {
  private static final String ID = "x-request-id";
  private static final String CORRELATION = "x-correlation-id";
  private static final String TYPE = "content-type";
  private final Server server = new Server();
  private ServerConnector connector;

  @BeforeEach
  void start() throws Exception {
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        JettyServerRequest head = JettyServerRequest.headOf(request);
        StringBuilder seen = new StringBuilder();
        // the same constants over and over, as the dispatcher asks; then equal names of other instances and cases
        for (String name : List.of(ID, CORRELATION, TYPE, ID, CORRELATION, "x-absent", "accept", "host", TYPE, ID,
            new String(ID), ID.toUpperCase(Locale.ROOT), "X-Absent", "accept", CORRELATION)) {
          seen.append(name).append('=').append(head.header(name)).append('\n');
        }
        response.write(true, ByteBuffer.wrap(seen.toString().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
      }
    });
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void everyLookupGivesTheRequestsValueWhateverWasAskedBefore() throws IOException {
    String body;
    try (RawHttp http = new RawHttp(connector.getLocalPort())) {
      body = http.request("GET", "/", null, "X-Request-ID", "id-1", "Accept", "text/plain").read().body();
    }
    assertEquals("x-request-id=id-1\nx-correlation-id=null\ncontent-type=null\nx-request-id=id-1\n"
        + "x-correlation-id=null\nx-absent=null\naccept=text/plain\nhost=localhost\ncontent-type=null\n"
        + "x-request-id=id-1\nx-request-id=id-1\nX-REQUEST-ID=id-1\nX-Absent=null\naccept=text/plain\n"
        + "x-correlation-id=null\n", body);
  }
}
