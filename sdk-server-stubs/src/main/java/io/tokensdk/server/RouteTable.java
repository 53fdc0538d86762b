package io.tokensdk.server;

import io.tokensdk.json.Utf8;
import io.tokensdk.spec.SpecOperation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Matches a method and a path (under a base path) to an operation of a spec, through a tree of path segments built
 * once: a lookup walks the request path segment by segment (literal segments win over parameters) and allocates only
 * the decoded path values. Immutable.
 */
final class RouteTable {
  private final Node root = new Node();

  RouteTable(List<SpecOperation> operations) {
    Map<Node, Map<String, SpecOperation>> byNode = new LinkedHashMap<>();
    for (SpecOperation op : operations) {
      Node node = root;
      List<String> names = new ArrayList<>();
      for (String segment : segments(op.path())) {
        if (segment.startsWith("{") && segment.endsWith("}")) {
          names.add(segment.substring(1, segment.length() - 1));
          node = node.parameter == null ? (node.parameter = new Node()) : node.parameter;
        } else {
          node = node.literals.computeIfAbsent(segment, s -> new Node());
        }
      }
      node.routes.put(op.method(), new Route(op, List.copyOf(names)));
      byNode.computeIfAbsent(node, n -> new TreeMap<>()).put(op.method(), op);
    }
    byNode.forEach((node, methods) -> node.allow = String.join(", ", methods.keySet()));
  }

  /** The result of a lookup: an operation with its path values, else the methods allowed on the path (null: none). */
  record Match(SpecOperation operation, Map<String, String> pathParams, String allow) {
    boolean found() {
      return operation != null;
    }

    boolean pathKnown() {
      return allow != null;
    }
  }

  private static final Match NOT_FOUND = new Match(null, Map.of(), null);

  Match match(String method, String rawPath) {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return NOT_FOUND;
    }
    String[] values = new String[8];
    Node node = walk(root, rawPath, 1, values, 0);
    if (node == null) {
      return NOT_FOUND;
    }
    Route route = node.routes.get(method);
    if (route == null) {
      return new Match(null, Map.of(), node.allow);
    }
    if (route.names.isEmpty()) {
      return new Match(route.operation, Map.of(), node.allow);
    }
    Map<String, String> params = new HashMap<>(4);
    for (int i = 0; i < route.names.size(); i++) {
      String value = decode(values[i]);
      if (value == null) {
        return NOT_FOUND;
      }
      params.put(route.names.get(i), value);
    }
    return new Match(route.operation, params, node.allow);
  }

  /** The node that {@code path[start..]} leads to (one that has routes), filling {@code values} with raw path values. */
  private static Node walk(Node node, String path, int start, String[] values, int depth) {
    if (start > path.length()) {
      return node.routes.isEmpty() ? null : node;
    }
    int end = path.indexOf('/', start);
    if (end < 0) {
      end = path.length();
    }
    String segment = path.substring(start, end);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      Node found = walk(literal, path, end + 1, values, depth);
      if (found != null) {
        return found;
      }
    }
    if (node.parameter != null && depth < values.length) {
      Node found = walk(node.parameter, path, end + 1, values, depth + 1);
      if (found != null) {
        values[depth] = segment;
        return found;
      }
    }
    return null;
  }

  private static List<String> segments(String template) {
    List<String> out = new ArrayList<>();
    for (String segment : template.substring(1).split("/", -1)) {
      out.add(segment);
    }
    return out;
  }

  private static final class Node {
    final Map<String, Node> literals = new HashMap<>();
    final Map<String, Route> routes = new HashMap<>();
    Node parameter;
    String allow;
  }

  private record Route(SpecOperation operation, List<String> names) {}

  /** Percent-decodes a path segment as UTF-8 ({@code +} stays a plus); null when the encoding is broken. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    byte[] bytes = new byte[segment.length() * 3];
    int n = 0;
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
        bytes[n++] = (byte) (hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        bytes[n++] = (byte) c;
      } else {
        byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(raw, 0, bytes, n, raw.length);
        n += raw.length;
      }
    }
    return Utf8.decode(bytes, n);
  }
}
