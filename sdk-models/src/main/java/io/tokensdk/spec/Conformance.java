package io.tokensdk.spec;

import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows a JSON document token by token, as a model's type adapter reads or writes it, and checks each value against
 * its compiled schema: the core of {@link ConformingReader} and {@link ConformingWriter}. It never names a violation: at
 * the first value it cannot vouch for it throws {@link Unsure}, and the caller validates the tree instead, so every
 * violation is still named by the tree path. It cannot vouch for:
 * <ul>
 *   <li>a value breaking its schema (checked by the same {@link SchemaValidator.Checker} as the tree);</li>
 *   <li>a JSON {@code null} at the root or in an array, or read where the schema names the member;</li>
 *   <li>a number with an exponent or longer than {@value #MAX_JUDGED_NUMBER} characters, anywhere;</li>
 *   <li>a member named twice, a required member absent, a value the adapter reads or writes that the schema does not
 *       describe.</li>
 * </ul>
 * Not thread-safe; one document at a time.
 */
final class Conformance {
  /** Plain number literals up to this length fit every type a model uses; the rest are left to the tree path. */
  private static final int MAX_JUDGED_NUMBER = 40;

  private SchemaValidator.Checker root;
  /** Violations of the scalar just checked; always empty between checks. */
  private final List<Violation> found = new ArrayList<>(0);
  /**
   * The open objects and arrays, innermost last: their checkers, their member bits or item counts, and for an object
   * the position of the property expected next (the one after the last named).
   */
  private SchemaValidator.Checker[] open = new SchemaValidator.Checker[8];
  private long[] membersOrItems = new long[8];
  private int[] expectedProperty = new int[8];
  private int depth;
  private boolean rootSeen;
  /** The checker of the member whose name came last, or null when the schema does not name it. */
  private SchemaValidator.Checker member;
  /** The bit of the member whose name came last, or 0. */
  private long memberBit;

  Conformance(SchemaValidator.Checker root) {
    this.root = root;
  }

  /** Starts following a new document against {@code root}, whatever this one followed before. */
  void start(SchemaValidator.Checker root) {
    this.root = root;
    found.clear();
    depth = 0;
    rootSeen = false;
    member = null;
    memberBit = 0;
  }

  /** Thrown where the document cannot be vouched for. Stackless: it is a verdict, not a fault. */
  static final class Unsure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsure() {
      super("not vouched for", null, false, false);
    }
  }

  void beginObject() {
    SchemaValidator.Checker checker = next();
    if (checker == null || !checker.isObject() || !checker.trackable()) {
      throw new Unsure();
    }
    push(checker);
  }

  /** The name of the property after the last one named in the innermost object (the one usually next), or null. */
  String expectedName() {
    return depth == 0 ? null : open[depth - 1].propertyName(expectedProperty[depth - 1]);
  }

  void name(String name) {
    SchemaValidator.Checker object = open[depth - 1];
    int index = object.propertyIndex(name, expectedProperty[depth - 1]);
    if (index < 0) {
      member = null;
      memberBit = 0;
      return;
    }
    long bit = 1L << index;
    if ((membersOrItems[depth - 1] & bit) != 0) {
      throw new Unsure();
    }
    membersOrItems[depth - 1] |= bit;
    expectedProperty[depth - 1] = index + 1;
    member = object.property(index);
    memberBit = bit;
  }

  /** The value of the member just named is null and the member left out, as a writer that omits nulls does. */
  void memberLeftOut() {
    if (depth == 0 || open[depth - 1].isArray()) {
      throw new Unsure();
    }
    membersOrItems[depth - 1] &= ~memberBit;
    member = null;
    memberBit = 0;
  }

  void endObject() {
    depth--;
    long required = open[depth].requiredMask();
    if ((membersOrItems[depth] & required) != required) {
      throw new Unsure();
    }
  }

  void beginArray() {
    SchemaValidator.Checker checker = next();
    if (checker == null || !checker.isArray()) {
      throw new Unsure();
    }
    push(checker);
  }

  void endArray() {
    depth--;
    if (open[depth].breaksSize((int) membersOrItems[depth])) {
      throw new Unsure();
    }
  }

  /** A string, boolean or number ({@link #judged}) value, checked against the checker of its place. */
  void scalar(JsonPrimitive value) {
    SchemaValidator.Checker checker = next();
    if (checker == null) {
      throw new Unsure();
    }
    checker.check(value, "", null, -1, ValidationMode.STRICT, found);
    if (!found.isEmpty()) {
      throw new Unsure();
    }
  }

  /** A value about to be skipped unread: only a member the schema does not name may be. */
  void unnamed() {
    if (next() != null) {
      throw new Unsure();
    }
  }

  /** A number given by its JSON text, when this class can judge it. */
  static JsonPrimitive judged(String number) {
    if (number.length() > MAX_JUDGED_NUMBER || number.indexOf('e') >= 0 || number.indexOf('E') >= 0) {
      throw new Unsure();
    }
    try {
      return new JsonPrimitive(new BigDecimal(number));
    } catch (NumberFormatException e) {
      throw new Unsure();
    }
  }

  /** The checker of the value about to come: the root's, the last named member's, or the array's items'. */
  private SchemaValidator.Checker next() {
    if (depth == 0) {
      if (rootSeen) {
        throw new Unsure();
      }
      rootSeen = true;
      return root;
    }
    SchemaValidator.Checker container = open[depth - 1];
    if (container.isArray()) {
      membersOrItems[depth - 1]++;
      return container.items();
    }
    SchemaValidator.Checker checker = member;
    member = null;
    memberBit = 0;
    return checker;
  }

  private void push(SchemaValidator.Checker checker) {
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
      membersOrItems = Arrays.copyOf(membersOrItems, depth * 2);
      expectedProperty = Arrays.copyOf(expectedProperty, depth * 2);
    }
    open[depth] = checker;
    membersOrItems[depth] = 0;
    expectedProperty[depth] = 0;
    depth++;
  }
}
