package io.tokensdk.server.servlet;

import io.tokensdk.server.ServerResponse;
import io.tokensdk.server.TokenSdkDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Serves a {@link TokenSdkDispatcher} in any Jakarta Servlet 6 container (Tomcat, Jetty, Spring Boot). Map it to
 * {@code /*} (or to each spec's base path, e.g. {@code /tsp/trapi/v1.0/*}); the dispatcher sees the path after the
 * context path. The client certificate comes from the {@code jakarta.servlet.request.X509Certificate} attribute, so
 * mutual TLS is the container's configuration, as are connection and read timeouts and the worker pool.
 * <pre>{@code
 * TokenSdkDispatcher dispatcher = TokenSdkDispatcher.builder().mount(new MyTsp()).build();
 * context.addServlet(new ServletHolder(new TokenSdkServlet(dispatcher)), "/*");
 * }</pre>
 */
public class TokenSdkServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient TokenSdkDispatcher dispatcher;

  /** A servlet serving {@code dispatcher}. */
  public TokenSdkServlet(TokenSdkDispatcher dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ServerResponse answer = dispatcher.handle(new ServletServerRequest(request));
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.body();
    if (body.length > 0) {
      response.setContentLength(body.length);
      try (OutputStream out = response.getOutputStream()) {
        out.write(body);
      }
    }
  }
}
