/**
 * Spring Boot 4 auto-configuration for tokensdk: every {@code TspHandler}, {@code CofNotificationHandler} and
 * {@code PatNotificationHandler} bean is served at its spec's base path in the application's web server; the
 * {@code tokensdk.tsp|cof|pat.*} properties create {@code TspClient}, {@code CofNotificationClient} and
 * {@code PatNotificationClient} beans; TLS comes from Spring Boot SSL bundles; Micrometer and health support are added
 * when the application has them. See {@link io.tokensdk.spring.TokenSdkProperties} for every property.
 */
package io.tokensdk.spring;
