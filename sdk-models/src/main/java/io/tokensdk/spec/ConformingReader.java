package io.tokensdk.spec;

import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict {@link JsonReader} that checks each value against its compiled schema while a model's type adapter reads it,
 * for {@link SchemaValidator#readConforming}. It never names a violation: at the first value it cannot vouch for, it
 * throws {@link Unsure} and the caller validates the tree instead, so every violation is still named by the tree path.
 * It cannot vouch for:
 * <ul>
 *   <li>a value breaking its schema (checked by the same {@link SchemaValidator.Checker} as the tree);</li>
 *   <li>a JSON {@code null} the adapter reads (where the schema names the member, at the root, in an array);</li>
 *   <li>a number with an exponent or longer than {@value #MAX_JUDGED_NUMBER} characters, anywhere;</li>
 *   <li>a member named twice, a required member absent, a value the adapter reads that the schema does not describe,
 *       or one the schema describes that the adapter skips.</li>
 * </ul>
 * Members the schema does not name are skipped without recursion; their numbers are judged too. Not thread-safe; one
 * per document.
 */
final class ConformingReader extends JsonReader {
  /** Plain number literals up to this length fit every type a model uses; the rest are left to the tree path. */
  private static final int MAX_JUDGED_NUMBER = 40;

  private final SchemaValidator.Checker root;
  /** Violations of the scalar just checked; always empty between checks. */
  private final List<Violation> found = new ArrayList<>(0);
  /** The open objects and arrays the adapter reads, innermost last: their checkers and member bits or item counts. */
  private SchemaValidator.Checker[] open = new SchemaValidator.Checker[8];
  private long[] membersOrItems = new long[8];
  private int depth;
  private boolean rootRead;
  /** The checker of the member whose name was read last, or null when the schema does not name it. */
  private SchemaValidator.Checker member;

  ConformingReader(Reader in, SchemaValidator.Checker root) {
    super(in);
    setStrictness(Strictness.STRICT);
    this.root = root;
  }

  /** Thrown where the reader cannot vouch for the document. Stackless: it is a verdict, not a fault. */
  static final class Unsure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsure() {
      super("not vouched for", null, false, false);
    }
  }

  @Override
  public void beginObject() throws IOException {
    SchemaValidator.Checker checker = next();
    if (checker == null || !checker.isObject() || !checker.trackable()) {
      throw new Unsure();
    }
    super.beginObject();
    push(checker);
  }

  @Override
  public String nextName() throws IOException {
    String name = super.nextName();
    SchemaValidator.Checker object = open[depth - 1];
    int index = object.propertyIndex(name);
    if (index < 0) {
      member = null;
      return name;
    }
    long bit = 1L << index;
    if ((membersOrItems[depth - 1] & bit) != 0) {
      throw new Unsure();
    }
    membersOrItems[depth - 1] |= bit;
    member = object.property(index);
    return name;
  }

  @Override
  public void endObject() throws IOException {
    super.endObject();
    depth--;
    long required = open[depth].requiredMask();
    if ((membersOrItems[depth] & required) != required) {
      throw new Unsure();
    }
  }

  @Override
  public void beginArray() throws IOException {
    SchemaValidator.Checker checker = next();
    if (checker == null || !checker.isArray()) {
      throw new Unsure();
    }
    super.beginArray();
    push(checker);
  }

  @Override
  public void endArray() throws IOException {
    super.endArray();
    depth--;
    if (open[depth].breaksSize((int) membersOrItems[depth])) {
      throw new Unsure();
    }
  }

  @Override
  public String nextString() throws IOException {
    JsonToken token = super.peek();
    String value = super.nextString();
    check(token == JsonToken.NUMBER ? judged(value) : new JsonPrimitive(value));
    return value;
  }

  @Override
  public boolean nextBoolean() throws IOException {
    boolean value = super.nextBoolean();
    check(new JsonPrimitive(value));
    return value;
  }

  @Override
  public void nextNull() throws IOException {
    throw new Unsure();
  }

  @Override
  public double nextDouble() throws IOException {
    return Double.parseDouble(number());
  }

  @Override
  public long nextLong() throws IOException {
    return integer(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public int nextInt() throws IOException {
    return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Skips a member the schema does not name, judging its numbers; a value the schema describes is not skipped. */
  @Override
  public void skipValue() throws IOException {
    if (next() != null) {
      throw new Unsure();
    }
    int nested = 0;
    do {
      switch (super.peek()) {
        case BEGIN_OBJECT -> {
          super.beginObject();
          nested++;
        }
        case BEGIN_ARRAY -> {
          super.beginArray();
          nested++;
        }
        case END_OBJECT -> {
          super.endObject();
          nested--;
        }
        case END_ARRAY -> {
          super.endArray();
          nested--;
        }
        case NAME -> super.nextName();
        case NUMBER -> judged(super.nextString());
        case STRING -> super.nextString();
        case BOOLEAN -> super.nextBoolean();
        case NULL -> super.nextNull();
        default -> throw new Unsure();
      }
    } while (nested > 0);
  }

  /** A number token's text, checked; the model's number adapters parse it as the JSON reader would. */
  private String number() throws IOException {
    if (super.peek() != JsonToken.NUMBER) {
      throw new Unsure();
    }
    String text = super.nextString();
    check(judged(text));
    return text;
  }

  /** A plain integer literal within {@code [min, max]}; anything else (a fraction, out of range) is left unjudged. */
  private long integer(long min, long max) throws IOException {
    String text = number();
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Unsure();
    }
    if (value < min || value > max) {
      throw new Unsure();
    }
    return value;
  }

  private static JsonPrimitive judged(String number) {
    if (number.length() > MAX_JUDGED_NUMBER || number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
      throw new Unsure();
    }
    return new JsonPrimitive(new BigDecimal(number));
  }

  /** Checks a scalar the adapter reads against the checker of its place. */
  private void check(JsonPrimitive value) {
    SchemaValidator.Checker checker = next();
    if (checker == null) {
      throw new Unsure();
    }
    checker.check(value, "", null, -1, ValidationMode.STRICT, found);
    if (!found.isEmpty()) {
      throw new Unsure();
    }
  }

  /** The checker of the value about to be read: the root's, the last named member's, or the array's items'. */
  private SchemaValidator.Checker next() {
    if (depth == 0) {
      if (rootRead) {
        throw new Unsure();
      }
      rootRead = true;
      return root;
    }
    SchemaValidator.Checker container = open[depth - 1];
    if (container.isArray()) {
      membersOrItems[depth - 1]++;
      return container.items();
    }
    SchemaValidator.Checker checker = member;
    member = null;
    return checker;
  }

  private void push(SchemaValidator.Checker checker) {
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
      membersOrItems = Arrays.copyOf(membersOrItems, depth * 2);
    }
    open[depth] = checker;
    membersOrItems[depth] = 0;
    depth++;
  }
}
