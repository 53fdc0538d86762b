package io.tokensdk.spring;

import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts and inspects the small applications of the tests. */
final class Apps {
  private Apps() {
  }

  /** A servlet application on a random port (plain HTTP unless the arguments say otherwise). */
  static ConfigurableApplicationContext web(Class<?> application, String... args) {
    return new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
        .properties("server.port=0", "spring.main.banner-mode=off").run(args);
  }

  /** An application without a web server, e.g. one that only calls. */
  static ConfigurableApplicationContext plain(Class<?> application, String... args) {
    return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
        .properties("spring.main.banner-mode=off").run(args);
  }

  /** The port the application's web server listens on. */
  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** The {@link TokenSdkPropertyException} among the causes of a failed start, if any. */
  static Optional<TokenSdkPropertyException> propertyFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TokenSdkPropertyException e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
