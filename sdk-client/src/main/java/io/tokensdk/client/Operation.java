package io.tokensdk.client;

import io.tokensdk.spec.SpecId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a generated client method knows about its operation: the spec, the operationId, the method and the path template.
 *
 * @param spec the API
 * @param operationId the spec's operationId
 * @param method HTTP method, upper case
 * @param pathTemplate the path under the spec's base path, with {@code {name}} placeholders
 */
public record Operation(SpecId spec, String operationId, String method, String pathTemplate) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

  /** The path with each placeholder replaced by its value, percent-encoded as one path segment. */
  public String expandPath(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(pathTemplate);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new RequestValidationException(operationId, "missing mandatory parameter: " + matcher.group(1));
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(PathSegments.encode(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
