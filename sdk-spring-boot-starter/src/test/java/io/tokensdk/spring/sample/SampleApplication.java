package io.tokensdk.spring.sample;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application serving the TSP, COF and PAT APIs with mutual TLS: three handler beans, and the settings
 * in {@code sample-application.properties}. The starter mounts each handler at its spec's base path
 * ({@code /tsp/trapi/v1.0}, {@code /tsh-cof}, {@code /pat}) in the application's own web server.
 */
@SpringBootApplication
public class SampleApplication {
  /** Starts the sample. */
  public static void main(String[] args) {
    application().run(args);
  }

  /** The sample, reading {@code sample-application.properties}. */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(SampleApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", "sample-application"));
    return application;
  }

  /** The TSP API, served at /tsp/trapi/v1.0. */
  @Bean
  SampleTsp sampleTsp() {
    return new SampleTsp();
  }

  /** The COF API, served at /tsh-cof; it needs tokensdk.server.cof.api-keys. */
  @Bean
  SampleMerchant sampleMerchant() {
    return new SampleMerchant();
  }

  /** The PAT API, served at /pat. */
  @Bean
  SampleBank sampleBank() {
    return new SampleBank();
  }
}
