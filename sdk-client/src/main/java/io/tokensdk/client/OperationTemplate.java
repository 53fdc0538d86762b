package io.tokensdk.client;

import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.spec.SpecParameter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * One operation of a spec, prepared once per client: its spec entry and parameters, its path split into literal and
 * parameter segments over the parsed base URL, and whether a resend of it is safe. Building a call's URL is then
 * appending segments, with no string concatenation and no re-parse; an operation without path parameters has its URL
 * built once.
 */
final class OperationTemplate {
  private final SpecOperation spec;
  private final HttpUrl base;
  private final String specBasePath;
  private final List<String> segments;
  private final List<String> pathParameterOrder;
  private final List<SpecParameter> pathParameters;
  private final List<SpecParameter> headerParameters;
  /** Per segment: the index of its value among a call's path values, or -1 for a literal segment. */
  private final int[] segmentValues;
  /** The URL of an operation without path parameters, else null. */
  private final HttpUrl fixedUrl;
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
    this.pathParameters = spec.pathParameters();
    this.headerParameters = spec.headerParameters();
    this.segmentValues = segments.stream().mapToInt(segment -> segment.startsWith("{")
        ? this.pathParameterOrder.indexOf(segment.substring(1, segment.length() - 1)) : -1).toArray();
    this.fixedUrl = this.pathParameterOrder.isEmpty() ? url(List.of()) : null;
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

  /** The spec's path parameters, in the order of the spec. */
  List<SpecParameter> pathParameters() {
    return pathParameters;
  }

  /** The index among a call's path values of the value of {@code parameter}, one of {@link #pathParameters()}. */
  int valueIndex(SpecParameter parameter) {
    return pathParameterOrder.indexOf(parameter.name());
  }

  /** The spec's header parameters, in the order of the spec. */
  List<SpecParameter> headerParameters() {
    return headerParameters;
  }

  /**
   * The URL with each parameter segment replaced by its value (checked non-empty and not a dot segment), encoded as one
   * segment. OkHttp replaces the empty last segment of a base URL ending in '/' with the first appended one.
   */
  HttpUrl url(List<String> values) {
    if (fixedUrl != null) {
      return fixedUrl;
    }
    HttpUrl.Builder url = base.newBuilder();
    for (int i = 0; i < segments.size(); i++) {
      int value = segmentValues[i];
      url.addEncodedPathSegment(value < 0 ? segments.get(i) : PathSegments.encode(values.get(value)));
    }
    return url.build();
  }

  /** What a 404 may mean: the client's base URL does not end in the spec's base path. */
  String notFoundHint(HttpUrl sent) {
    return "if the path is wrong, check the base URL: this call went to " + sent.encodedPath()
        + " and the spec's base path (servers) is " + (specBasePath.isEmpty() ? "/" : specBasePath);
  }
}
