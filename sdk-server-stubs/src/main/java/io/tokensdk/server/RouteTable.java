package io.tokensdk.server;

import io.tokensdk.spec.SpecOperation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Matches a method and a path (under a base path) to an operation of a spec. Immutable. */
final class RouteTable {
  private final List<Route> routes;

  RouteTable(List<SpecOperation> operations) {
    List<Route> list = new ArrayList<>();
    for (SpecOperation op : operations) {
      list.add(new Route(op, op.path().split("/", -1)));
    }
    // literal segments win over parameters: /a/b before /a/{x}
    list.sort(Comparator.comparingInt(Route::literals).reversed());
    this.routes = List.copyOf(list);
  }

  /** The result of a lookup: an operation with its path values, the methods allowed on the path, or nothing. */
  record Match(SpecOperation operation, Map<String, String> pathParams, Set<String> allowed) {
    boolean found() {
      return operation != null;
    }

    boolean pathKnown() {
      return !allowed.isEmpty();
    }
  }

  Match match(String method, String rawPath) {
    String[] segments = rawPath.split("/", -1);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.bind(segments);
      if (params == null) {
        continue;
      }
      if (route.operation.method().equals(method)) {
        return new Match(route.operation, params, Set.of(route.operation.method()));
      }
      allowed.add(route.operation.method());
    }
    return new Match(null, Map.of(), allowed);
  }

  private record Route(SpecOperation operation, String[] template) {
    int literals() {
      int n = 0;
      for (String segment : template) {
        n += isParameter(segment) ? 0 : 1;
      }
      return n;
    }

    Map<String, String> bind(String[] segments) {
      if (segments.length != template.length) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.length; i++) {
        if (isParameter(template[i])) {
          String value = decode(segments[i]);
          if (value == null) {
            return null;
          }
          params.put(template[i].substring(1, template[i].length() - 1), value);
        } else if (!template[i].equals(segments[i])) {
          return null;
        }
      }
      return params;
    }

    private static boolean isParameter(String segment) {
      return segment.startsWith("{") && segment.endsWith("}");
    }
  }

  /** Percent-decodes a path segment as UTF-8 ({@code +} stays a plus); null when the encoding is broken. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          return null;
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
