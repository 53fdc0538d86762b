package io.tokensdk.spring;

import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.servlet.TokenSdkServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The SDK's servlet, mapped at a path that may differ from the spec's base path: the dispatcher routes by the spec's
 * base path, so a request under {@code mountPath} is presented to it as if it had arrived under {@code specBasePath}.
 */
final class MountedServlet extends TokenSdkServlet {
  private static final long serialVersionUID = 1L;
  private final String mountPath;
  private final String specBasePath;

  MountedServlet(TokenSdkDispatcher dispatcher, String mountPath, String specBasePath) {
    super(dispatcher);
    this.mountPath = mountPath;
    this.specBasePath = specBasePath;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    super.service(mountPath.equals(specBasePath) ? request : new Rebased(request), response);
  }

  private final class Rebased extends HttpServletRequestWrapper {
    private final String uri;

    Rebased(HttpServletRequest request) {
      super(request);
      String context = request.getContextPath() == null ? "" : request.getContextPath();
      String path = request.getRequestURI().substring(context.length());
      this.uri = path.startsWith(mountPath) ? specBasePath + path.substring(mountPath.length()) : path;
    }

    @Override
    public String getRequestURI() {
      return uri;
    }

    @Override
    public String getContextPath() {
      return "";
    }
  }
}
