package io.tokensdk.spec;

import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonToken;
import java.io.IOException;

/**
 * A strict reader of JSON bytes ({@link Utf8JsonReader}) that checks each value with a {@link Conformance} while a
 * model's type adapter reads it, for {@link SchemaValidator#readConforming}. Any null the adapter reads is left to the
 * tree path; members the schema does not name are skipped without recursion, their numbers judged too. A member name
 * the schema's order foresees is matched in the bytes and costs no new string. Not thread-safe; one document at a time.
 */
final class ConformingReader extends Utf8JsonReader {
  private final Conformance conformance;

  /** A reader of no document yet, for {@link #start}. */
  ConformingReader() {
    this.conformance = new Conformance(null);
  }

  ConformingReader(byte[] in, int length, SchemaValidator.Checker root) {
    super(in, length);
    this.conformance = new Conformance(root);
  }

  /** Starts reading the document in {@code in[0..length)} against {@code root}, whatever this reader read before. */
  void start(byte[] in, int length, SchemaValidator.Checker root) {
    start(in, length);
    conformance.start(root);
  }

  @Override
  public void beginObject() throws IOException {
    conformance.beginObject();
    super.beginObject();
  }

  @Override
  public String nextName() throws IOException {
    String name = nextName(conformance.expectedName());
    conformance.name(name);
    return name;
  }

  @Override
  public void endObject() throws IOException {
    super.endObject();
    conformance.endObject();
  }

  @Override
  public void beginArray() throws IOException {
    conformance.beginArray();
    super.beginArray();
  }

  @Override
  public void endArray() throws IOException {
    super.endArray();
    conformance.endArray();
  }

  @Override
  public String nextString() throws IOException {
    JsonToken token = super.peek();
    String value = super.nextString();
    conformance.scalar(token == JsonToken.NUMBER ? Conformance.judged(value) : new JsonPrimitive(value));
    return value;
  }

  @Override
  public boolean nextBoolean() throws IOException {
    boolean value = super.nextBoolean();
    conformance.scalar(new JsonPrimitive(value));
    return value;
  }

  @Override
  public void nextNull() {
    throw new Conformance.Unsure();
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
    conformance.unnamed();
    super.skipValue();
  }

  @Override
  void skippedNumber(String text) {
    Conformance.judged(text);
  }

  /** A number token's text, checked; the model's number adapters parse it as the JSON reader would. */
  private String number() throws IOException {
    if (super.peek() != JsonToken.NUMBER) {
      throw new Conformance.Unsure();
    }
    String text = super.nextString();
    conformance.scalar(Conformance.judged(text));
    return text;
  }

  /** A plain integer literal within {@code [min, max]}; anything else (a fraction, out of range) is left unjudged. */
  private long integer(long min, long max) throws IOException {
    String text = number();
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new Conformance.Unsure();
    }
    if (value < min || value > max) {
      throw new Conformance.Unsure();
    }
    return value;
  }
}
