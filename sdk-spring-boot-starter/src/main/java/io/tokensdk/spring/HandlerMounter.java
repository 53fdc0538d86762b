package io.tokensdk.spring;

import io.tokensdk.server.ApiHandler;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.DedupeStore;
import io.tokensdk.server.HandlerErrorHook;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.ServerListener;
import io.tokensdk.server.TokenSdkDispatcher;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a handler bean and the {@code tokensdk.server.*} properties into its servlet registration. Every setting that
 * cannot work fails here, at context start, with a {@link TokenSdkPropertyException} naming the property.
 */
final class HandlerMounter {
  private static final Pattern PATH = Pattern.compile("(/[^/*?#;\\s]+)+");

  private final TokenSdkProperties.Server properties;
  private final DedupeStore dedupeStore;
  private final ApiKeys apiKeys;
  private final ServerListener listener;
  private final HandlerErrorHook errorHook;
  private final List<TokenSdkMountCustomizer> customizers;

  /**
   * @param properties the server properties
   * @param dedupeStore the application's {@link DedupeStore} bean, or null
   * @param apiKeys the application's {@link ApiKeys} bean, or null
   * @param listener what observes every answered request, or null
   * @param errorHook the application's {@link HandlerErrorHook} bean, or null
   * @param customizers the application's {@link TokenSdkMountCustomizer} beans, in order
   */
  HandlerMounter(TokenSdkProperties.Server properties, DedupeStore dedupeStore, ApiKeys apiKeys,
      ServerListener listener, HandlerErrorHook errorHook, List<TokenSdkMountCustomizer> customizers) {
    this.properties = properties;
    this.dedupeStore = dedupeStore;
    this.apiKeys = apiKeys;
    this.listener = listener;
    this.errorHook = errorHook;
    this.customizers = List.copyOf(customizers);
  }

  /** The registration of the single handler bean among {@code handlers} (by bean name); more than one fails. */
  TokenSdkServletRegistration mount(SpecId api, Map<String, ? extends ApiHandler> handlers) {
    if (handlers.size() != 1) {
      throw new IllegalStateException("the tokensdk starter mounts one handler per API, but found " + handlers.size()
          + " " + api.id().toUpperCase(Locale.ROOT) + " handler beans: " + handlers.keySet()
          + "; mount the others yourself with TokenSdkServlet");
    }
    Map.Entry<String, ? extends ApiHandler> entry = handlers.entrySet().iterator().next();
    String prefix = TokenSdkProperties.PREFIX + ".server." + api.id().toLowerCase(Locale.ROOT) + ".";
    TokenSdkProperties.Mount mount = switch (api) {
      case TSP -> properties.getTsp();
      case COF -> properties.getCof();
      case PAT -> properties.getPat();
    };
    String specBasePath = ApiSpec.of(api).basePath();
    String path = mount.getPath() == null ? specBasePath : checkedPath(prefix + "path", mount.getPath());
    TokenSdkDispatcher.Builder dispatcher = TokenSdkDispatcher.builder()
        .maxBodyBytes(maxBodyBytes())
        .mount(entry.getValue(), options(api, prefix, mount, entry.getKey()));
    if (listener != null) {
      dispatcher.listener(listener);
    }
    if (errorHook != null) {
      dispatcher.handlerErrorHook(errorHook);
    }
    return new TokenSdkServletRegistration(api, path, specBasePath, entry.getKey(), dispatcher.build());
  }

  private MountOptions options(SpecId api, String prefix, TokenSdkProperties.Mount mount, String beanName) {
    MountOptions.Builder options = MountOptions.builder();
    if (dedupeStore != null) {
      options.dedupeStore(dedupeStore);
    }
    if (!mount.isDedupe()) {
      options.noDedupe();
    }
    if (mount.getDuplicateWait() == null || mount.getDuplicateWait().isNegative()) {
      throw new TokenSdkPropertyException(prefix + "duplicate-wait", "must be zero or positive");
    }
    options.duplicateWait(mount.getDuplicateWait());
    if (mount.getClaimLease() == null || mount.getClaimLease().isNegative() || mount.getClaimLease().isZero()) {
      throw new TokenSdkPropertyException(prefix + "claim-lease", "must be positive");
    }
    options.claimLease(mount.getClaimLease());
    if (mount instanceof TokenSdkProperties.CofMount cof) {
      options.apiKeys(cofKeys(prefix + "api-keys", cof.getApiKeys(), beanName));
    }
    customizers.forEach(customizer -> customizer.customize(api, options));
    return options.build();
  }

  private ApiKeys cofKeys(String property, List<String> configured, String beanName) {
    if (apiKeys != null) {
      return apiKeys;
    }
    if (configured == null || configured.isEmpty()) {
      throw new TokenSdkPropertyException(property, "the COF handler bean '" + beanName
          + "' needs the API keys it accepts in 'authorization: APIKEY <key>'; set " + property
          + " (e.g. from TOKENSDK_SERVER_COF_API_KEYS) or define an ApiKeys bean");
    }
    try {
      return ApiKeys.of(configured);
    } catch (IllegalArgumentException e) {
      throw new TokenSdkPropertyException(property, "contains a blank key", e);
    }
  }

  private int maxBodyBytes() {
    long bytes = properties.getMaxBodySize() == null ? -1 : properties.getMaxBodySize().toBytes();
    if (bytes < 1 || bytes > Integer.MAX_VALUE) {
      throw new TokenSdkPropertyException("tokensdk.server.max-body-size", "must be between 1B and 2GB");
    }
    return (int) bytes;
  }

  private static String checkedPath(String property, String path) {
    if (!PATH.matcher(path).matches()) {
      throw new TokenSdkPropertyException(property,
          "must start with '/', not end with '/', and hold no wildcard (e.g. /merchant/cof)");
    }
    return path;
  }
}
