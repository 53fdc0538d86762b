package io.tokensdk.client;

import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * One operation of a spec, prepared once per client: its spec entry, its path split into literal and parameter segments
 * over the parsed base URL, and whether a resend of it is safe. Building a call's URL is then appending segments, with no
 * string concatenation and no re-parse.
 */
final class OperationTemplate {
  private final SpecOperation spec;
  private final HttpUrl base;
  private final String specBasePath;
  private final List<String> segments;
  private final List<String> pathParameterOrder;
  private final boolean resendSafe;

  /**
   * @param pathParameterOrder the path parameters in the order the generated method passes their values
   * @param resendSafe whether a request that may have reached the server can be sent again (the spec's conventions)
   */
  OperationTemplate(ApiSpec api, SpecOperation spec, HttpUrl base, List<String> pathParameterOrder, boolean resendSafe) {
    this.spec = spec;
    this.base = base;
    this.specBasePath = api.basePath();
    this.segments = List.of(spec.path().substring(1).split("/", -1));
    this.pathParameterOrder = List.copyOf(pathParameterOrder);
    Set<String> specNames = spec.pathParameters().stream().map(SpecParameter::name).collect(Collectors.toSet());
    if (!specNames.equals(Set.copyOf(pathParameterOrder)) || specNames.size() != pathParameterOrder.size()) {
      throw new IllegalStateException(spec.operationId() + ": the generated client passes path parameters "
          + pathParameterOrder + " but the spec has " + specNames);
    }
    for (String segment : segments) {
      if (segment.contains("{") && !(segment.startsWith("{") && segment.endsWith("}"))) {
        throw new IllegalStateException(spec.operationId() + ": a path parameter must be a whole segment: " + segment);
      }
    }
    this.resendSafe = resendSafe;
  }

  SpecOperation spec() {
    return spec;
  }

  String operationId() {
    return spec.operationId();
  }

  /**
   * Whether a request that may have reached the server can be sent again: the spec says the server deduplicates the
   * operation by its idempotency key, or that it changes nothing ({@code ApiConventions.retrySafe}).
   */
  boolean resendSafe() {
    return resendSafe;
  }

  /** The path parameter names in the order of the values a call passes. */
  List<String> pathParameterOrder() {
    return pathParameterOrder;
  }

  /**
   * The URL with each parameter segment replaced by its value (checked non-empty and not a dot segment), encoded as one
   * segment. OkHttp replaces the empty last segment of a base URL ending in '/' with the first appended one.
   */
  HttpUrl url(List<String> values) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : segments) {
      if (segment.startsWith("{")) {
        String name = segment.substring(1, segment.length() - 1);
        url.addEncodedPathSegment(PathSegments.encode(values.get(pathParameterOrder.indexOf(name))));
      } else {
        url.addEncodedPathSegment(segment);
      }
    }
    return url.build();
  }

  /** What a 404 may mean: the client's base URL does not end in the spec's base path. */
  String notFoundHint(HttpUrl sent) {
    return "if the path is wrong, check the base URL: this call went to " + sent.encodedPath()
        + " and the spec's base path (servers) is " + (specBasePath.isEmpty() ? "/" : specBasePath);
  }
}
