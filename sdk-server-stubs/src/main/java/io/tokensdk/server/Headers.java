package io.tokensdk.server;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The headers of a {@link ServerResponse}: an immutable map over a small array of name/value pairs, in order. Adding a
 * header copies the array only (answers carry a handful of headers), where a hash map would copy a table and a node per
 * header. Names are unique and case-sensitive, as in the {@code LinkedHashMap} this replaces: a name added again keeps
 * its place and takes the new value.
 */
final class Headers extends AbstractMap<String, String> {
  static final Headers NONE = new Headers(newArray(0));

  private final Map.Entry<String, String>[] entries;

  private Headers(Map.Entry<String, String>[] entries) {
    this.entries = entries;
  }

  /** The headers of {@code map}, in its iteration order. */
  static Headers copyOf(Map<String, String> map) {
    if (map instanceof Headers headers) {
      return headers;
    }
    Map.Entry<String, String>[] copy = newArray(map.size());
    int count = 0;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      copy[count++] = Map.entry(Objects.requireNonNull(entry.getKey(), "headers: a header name"),
          Objects.requireNonNull(entry.getValue(), "headers: a header value"));
    }
    return count == 0 ? NONE : new Headers(count == copy.length ? copy : Arrays.copyOf(copy, count));
  }

  /** These headers and {@code header} (which replaces one of the same name). */
  Headers with(Map.Entry<String, String> header) {
    int at = indexOf(header.getKey());
    Map.Entry<String, String>[] copy = Arrays.copyOf(entries, at < 0 ? entries.length + 1 : entries.length);
    copy[at < 0 ? entries.length : at] = header;
    return new Headers(copy);
  }

  /** These headers and {@code more[0..count)}, in order, each replacing one of the same name. */
  Headers with(Map.Entry<String, String>[] more, int count) {
    Map.Entry<String, String>[] copy = Arrays.copyOf(entries, entries.length + count);
    int size = entries.length;
    for (int i = 0; i < count; i++) {
      Map.Entry<String, String> header = more[i];
      int at = indexOf(copy, size, header.getKey());
      copy[at < 0 ? size++ : at] = header;
    }
    return new Headers(size == copy.length ? copy : Arrays.copyOf(copy, size));
  }

  private int indexOf(Object name) {
    return indexOf(entries, entries.length, name);
  }

  private static int indexOf(Map.Entry<String, String>[] entries, int size, Object name) {
    for (int i = 0; i < size; i++) {
      if (entries[i].getKey().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static Map.Entry<String, String>[] newArray(int size) {
    return new Map.Entry[size];
  }

  @Override
  public int size() {
    return entries.length;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public String get(Object name) {
    int at = indexOf(name);
    return at < 0 ? null : entries[at].getValue();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (Map.Entry<String, String> entry : entries) {
      action.accept(entry.getKey(), entry.getValue());
    }
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < entries.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= entries.length) {
              throw new NoSuchElementException();
            }
            return entries[next++];
          }
        };
      }

      @Override
      public int size() {
        return entries.length;
      }
    };
  }
}
