package io.tokensdk.spring;

import io.tokensdk.client.CallListener;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.spec.SpecId;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Builds a {@link ClientConfig} from one client's {@code tokensdk.<api>.*} properties, an SSL bundle, the
 * {@link CallListener} beans and the {@link TokenSdkClientCustomizer} beans. Every bad setting fails with a
 * {@link TokenSdkPropertyException} naming the property.
 */
final class ClientConfigFactory {
  private final SslBundles sslBundles;
  private final CallListener listener;
  private final List<TokenSdkClientCustomizer> customizers;

  ClientConfigFactory(SslBundles sslBundles, List<CallListener> listeners, List<TokenSdkClientCustomizer> customizers) {
    this.sslBundles = sslBundles;
    this.listener = CompositeCallListener.of(listeners);
    this.customizers = List.copyOf(customizers);
  }

  ClientConfig create(SpecId api, TokenSdkProperties.Client properties, String apiKey) {
    String prefix = TokenSdkProperties.PREFIX + "." + api.id().toLowerCase(Locale.ROOT) + ".";
    ClientConfig.Builder builder = ClientConfig.builder(checkedUrl(prefix + "base-url", properties.getBaseUrl()));
    apply(prefix + "connect-timeout", () -> builder.connectTimeout(properties.getConnectTimeout()));
    apply(prefix + "read-timeout", () -> builder.readTimeout(properties.getReadTimeout()));
    apply(prefix + "write-timeout", () -> builder.writeTimeout(properties.getWriteTimeout()));
    apply(prefix + "call-deadline", () -> builder.callDeadline(properties.getCallDeadline()));
    builder.retryPolicy(retryPolicy(prefix + "retry.", properties.getRetry()));
    if (apiKey != null) {
      apply(prefix + "api-key", () -> builder.apiKey(apiKey));
    }
    if (properties.getTlsBundle() != null) {
      applyBundle(builder, prefix + "tls-bundle", properties.getTlsBundle());
    }
    builder.listener(listener);
    customizers.forEach(customizer -> customizer.customize(api, builder));
    return builder.build();
  }

  private static RetryPolicy retryPolicy(String prefix, TokenSdkProperties.Retry retry) {
    if (retry.getMaxAttempts() < 1) {
      throw new TokenSdkPropertyException(prefix + "max-attempts", "must be at least 1 (1 turns retries off)");
    }
    if (retry.getBaseDelay() == null || retry.getBaseDelay().isNegative()) {
      throw new TokenSdkPropertyException(prefix + "base-delay", "must be zero or positive");
    }
    if (retry.getMaxDelay() == null || retry.getMaxDelay().compareTo(retry.getBaseDelay()) < 0) {
      throw new TokenSdkPropertyException(prefix + "max-delay", "must be at least " + prefix + "base-delay");
    }
    return RetryPolicy.of(retry.getMaxAttempts(), retry.getBaseDelay(), retry.getMaxDelay());
  }

  /** The base URL, checked here so that the message names the property; never echoed (it may carry credentials). */
  static String checkedUrl(String property, String value) {
    if (value == null || value.isBlank()) {
      throw new TokenSdkPropertyException(property, "is empty; set the server's http or https URL");
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri.toString();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new TokenSdkPropertyException(property,
        "is not an http or https URL with a host (e.g. https://tsp.example.com/tsp/trapi/v1.0)");
  }

  private void applyBundle(ClientConfig.Builder builder, String property, String name) {
    SslBundle bundle;
    try {
      bundle = sslBundles == null ? null : sslBundles.getBundle(name);
    } catch (NoSuchSslBundleException e) {
      bundle = null;
    }
    if (bundle == null) {
      throw new TokenSdkPropertyException(property, "no SSL bundle named '" + name
          + "'; define it under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name);
    }
    KeyStore keyStore = bundle.getStores().getKeyStore();
    if (hasEntries(keyStore)) {
      String password = bundle.getKey().getPassword() != null ? bundle.getKey().getPassword()
          : bundle.getStores().getKeyStorePassword();
      builder.clientCertificate(keyStore, password == null ? null : password.toCharArray());
    }
    if (bundle.getStores().getTrustStore() != null) {
      for (TrustManager manager : bundle.getManagers().getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          builder.trustManager(x509);
        }
      }
    }
  }

  private static boolean hasEntries(KeyStore keyStore) {
    try {
      return keyStore != null && keyStore.size() > 0;
    } catch (KeyStoreException e) {
      return false;
    }
  }

  private static void apply(String property, Runnable setting) {
    try {
      setting.run();
    } catch (IllegalArgumentException e) {
      throw new TokenSdkPropertyException(property, e.getMessage(), e);
    }
  }
}
