package io.tokensdk.spec;

import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A {@link JsonWriter} into a {@link StringBuilder} that checks each value with a {@link Conformance} while a model's
 * type adapter writes it, for {@link SchemaValidator#writeConforming}. A null member is left out (the SDK's Gson does
 * not serialise nulls), and counts as absent; any other null, and raw JSON, are left to the tree path. Not thread-safe;
 * one per document.
 */
final class ConformingWriter extends JsonWriter {
  /**
   * The length from which a string is tested for {@link PlainText} and then written as it is: below it, Gson's escape
   * loop costs no more than the test, which copies the string once.
   */
  private static final int PLAIN_TEST_FROM = 64;
  private final Conformance conformance;
  private final StringBuilder text;

  /** A writer into {@code text}, set up like the writers of a Gson that does not serialise nulls. */
  ConformingWriter(StringBuilder text, boolean htmlSafe, SchemaValidator.Checker root) {
    super(new Text(text));
    this.text = text;
    setHtmlSafe(htmlSafe);
    setSerializeNulls(false);
    this.conformance = new Conformance(root);
  }

  @Override
  public JsonWriter beginObject() throws IOException {
    conformance.beginObject();
    return super.beginObject();
  }

  @Override
  public JsonWriter name(String name) throws IOException {
    conformance.name(name);
    return super.name(name);
  }

  @Override
  public JsonWriter endObject() throws IOException {
    super.endObject();
    conformance.endObject();
    return this;
  }

  @Override
  public JsonWriter beginArray() throws IOException {
    conformance.beginArray();
    return super.beginArray();
  }

  @Override
  public JsonWriter endArray() throws IOException {
    super.endArray();
    conformance.endArray();
    return this;
  }

  @Override
  public JsonWriter value(String value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    conformance.scalar(new JsonPrimitive(value));
    if (value.length() < PLAIN_TEST_FROM || isHtmlSafe() || !PlainText.isPlain(value)) {
      return super.value(value);
    }
    // Gson's separator and pending name, then the string as it is: it needs no escape
    super.jsonValue("");
    text.append('"').append(value).append('"');
    return this;
  }

  @Override
  public JsonWriter value(boolean value) throws IOException {
    conformance.scalar(new JsonPrimitive(value));
    return super.value(value);
  }

  @Override
  public JsonWriter value(Boolean value) throws IOException {
    return value == null ? nullValue() : value(value.booleanValue());
  }

  @Override
  public JsonWriter value(float value) throws IOException {
    return value(Float.valueOf(value));
  }

  @Override
  public JsonWriter value(double value) throws IOException {
    return value(Double.valueOf(value));
  }

  @Override
  public JsonWriter value(long value) throws IOException {
    conformance.scalar(Conformance.judged(Long.toString(value)));
    return super.value(value);
  }

  @Override
  public JsonWriter value(Number value) throws IOException {
    if (value == null) {
      return nullValue();
    }
    conformance.scalar(Conformance.judged(value.toString()));
    return super.value(value);
  }

  @Override
  public JsonWriter nullValue() throws IOException {
    conformance.memberLeftOut();
    return super.nullValue();
  }

  @Override
  public JsonWriter jsonValue(String value) {
    throw new Conformance.Unsure();
  }

  /** The characters written, appended to a {@link StringBuilder}: no lock, no copy. */
  private static final class Text extends Writer {
    private final StringBuilder text;

    Text(StringBuilder text) {
      this.text = text;
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence chars) {
      text.append(chars);
      return this;
    }

    @Override
    public Writer append(char c) {
      text.append(c);
      return this;
    }

    @Override
    public void flush() {
      // nothing buffered
    }

    @Override
    public void close() {
      // nothing held
    }
  }
}
