package io.tokensdk.spring;

import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.server.servlet.TokenSdkServlet;
import io.tokensdk.spec.SpecId;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/**
 * The servlet registration of one mounted handler bean: the SDK's dispatcher for that handler, mapped at
 * {@code <path>/*} in the application's own web server.
 */
public final class TokenSdkServletRegistration extends ServletRegistrationBean<TokenSdkServlet> {
  private final SpecId api;
  private final String path;
  private final String handlerBean;

  TokenSdkServletRegistration(SpecId api, String path, String specBasePath, String handlerBean,
      TokenSdkDispatcher dispatcher) {
    super(new MountedServlet(dispatcher, path, specBasePath), path + "/*");
    setName("tokensdk-" + api.id());
    setLoadOnStartup(1);
    this.api = api;
    this.path = path;
    this.handlerBean = handlerBean;
  }

  /** The API the handler serves. */
  public SpecId api() {
    return api;
  }

  /** The path the handler is served under (below the servlet context path). */
  public String path() {
    return path;
  }

  /** The name of the handler bean. */
  public String handlerBean() {
    return handlerBean;
  }
}
