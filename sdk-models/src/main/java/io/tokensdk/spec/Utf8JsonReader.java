package io.tokensdk.spec;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.tokensdk.json.Utf8;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Gson's {@link JsonReader} over the UTF-8 bytes of one document, strict (RFC 8259), for the one-pass read: no
 * {@code Reader}, no body text, no character buffer to fill; a string without escapes is one copy of its bytes, found
 * eight bytes at a time. It reads the tokens, strings and number texts Gson's strict reader reads from the same
 * document, and fails (an {@link IOException} or {@link IllegalStateException}, as Gson's does) on whatever that reader
 * refuses; it also refuses nesting deeper than {@value #MAX_DEPTH}, which the one pass leaves to the tree path. Every
 * public method of {@code JsonReader} that reads is overridden: Gson's own reading state is never used (its
 * {@code promoteNameToValue}, which a {@code Map} adapter calls, finds no input and fails). Not thread-safe.
 */
class Utf8JsonReader extends JsonReader {
  private static final int MAX_DEPTH = 64;
  /** Never read: the bytes are the input. */
  private static final Reader NO_READER = Reader.nullReader();

  private static final byte EMPTY_DOCUMENT = 0;
  private static final byte NONEMPTY_DOCUMENT = 1;
  private static final byte EMPTY_ARRAY = 2;
  private static final byte NONEMPTY_ARRAY = 3;
  private static final byte EMPTY_OBJECT = 4;
  private static final byte DANGLING_NAME = 5;
  private static final byte NONEMPTY_OBJECT = 6;

  private byte[] in;
  private int end;
  private int pos;
  /** The scope of the document and of each open object or array, innermost last. */
  private final byte[] scopes = new byte[MAX_DEPTH + 1];
  private int depth = 1;
  /** The next token when peeked (its first byte consumed), or null. */
  private JsonToken peeked;
  private boolean peekedBoolean;
  private int numberStart;

  /** A reader of no document yet: {@link #start} gives it one. */
  Utf8JsonReader() {
    super(NO_READER);
  }

  Utf8JsonReader(byte[] in, int length) {
    super(NO_READER);
    start(in, length);
  }

  /** Starts reading the document in {@code in[0..length)}, whatever this reader read before. */
  void start(byte[] in, int length) {
    this.in = in;
    this.end = length;
    depth = 1;
    scopes[0] = EMPTY_DOCUMENT;
    peeked = null;
    // a byte-order mark at the start, which Gson's reader skips too
    pos = length >= 3 && in[0] == (byte) 0xEF && in[1] == (byte) 0xBB && in[2] == (byte) 0xBF ? 3 : 0;
  }

  /** Lets go of the document: a reader kept for the next one does not keep this one alive. */
  void finish() {
    in = null;
    end = 0;
  }

  /** Whether a document has been started and not finished. */
  boolean reading() {
    return in != null;
  }

  @Override
  public JsonToken peek() throws IOException {
    if (peeked == null) {
      peeked = next();
    }
    return peeked;
  }

  @Override
  public boolean hasNext() throws IOException {
    JsonToken token = peek();
    return token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY && token != JsonToken.END_DOCUMENT;
  }

  @Override
  public void beginObject() throws IOException {
    open(JsonToken.BEGIN_OBJECT);
  }

  @Override
  public void endObject() throws IOException {
    close(JsonToken.END_OBJECT);
  }

  @Override
  public void beginArray() throws IOException {
    open(JsonToken.BEGIN_ARRAY);
  }

  @Override
  public void endArray() throws IOException {
    close(JsonToken.END_ARRAY);
  }

  @Override
  public String nextName() throws IOException {
    return nextName(null);
  }

  /**
   * The next member name; {@code expected} (when not null) is returned itself when the name is exactly it, written
   * without escapes, so that a name the caller foresaw costs no new string.
   */
  String nextName(String expected) throws IOException {
    take(JsonToken.NAME);
    if (expected != null && isAt(expected) && pos + expected.length() < end && in[pos + expected.length()] == '"') {
      pos += expected.length() + 1;
      return expected;
    }
    return string();
  }

  @Override
  public String nextString() throws IOException {
    if (peek() == JsonToken.NUMBER) {
      return numberText();
    }
    take(JsonToken.STRING);
    return string();
  }

  @Override
  public boolean nextBoolean() throws IOException {
    take(JsonToken.BOOLEAN);
    return peekedBoolean;
  }

  @Override
  public void nextNull() throws IOException {
    take(JsonToken.NULL);
  }

  @Override
  public double nextDouble() throws IOException {
    double value = Double.parseDouble(numberText());
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new MalformedJsonException("number out of range");
    }
    return value;
  }

  @Override
  public long nextLong() throws IOException {
    try {
      return Long.parseLong(numberText());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("not a long");
    }
  }

  @Override
  public int nextInt() throws IOException {
    try {
      return Integer.parseInt(numberText());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("not an int");
    }
  }

  /** Skips the next value whole; each number skipped is handed to {@link #skippedNumber}. */
  @Override
  public void skipValue() throws IOException {
    int nested = 0;
    do {
      JsonToken token = peek();
      switch (token) {
        case BEGIN_OBJECT, BEGIN_ARRAY -> {
          open(token);
          nested++;
        }
        case END_OBJECT, END_ARRAY -> {
          close(token);
          nested--;
        }
        case NAME, STRING -> {
          take(token);
          string();
        }
        case NUMBER -> skippedNumber(numberText());
        case BOOLEAN, NULL -> take(token);
        default -> throw new IllegalStateException("nothing to skip");
      }
    } while (nested > 0);
  }

  /** The text of a number that {@link #skipValue} skips. */
  void skippedNumber(String text) {
    // nothing to check here
  }

  @Override
  public void close() {
    // nothing to close: the bytes are the caller's
  }

  @Override
  public String getPath() {
    return "$";
  }

  @Override
  public String getPreviousPath() {
    return "$";
  }

  @Override
  public String toString() {
    return "Utf8JsonReader";
  }

  private void take(JsonToken expected) throws IOException {
    if (peek() != expected) {
      throw new IllegalStateException("expected " + expected + " but was " + peeked);
    }
    peeked = null;
  }

  /** Takes the token that begins an object or array, and opens its scope. */
  private void open(JsonToken begin) throws IOException {
    take(begin);
    if (depth > MAX_DEPTH) {
      throw new MalformedJsonException("nested too deep");
    }
    scopes[depth++] = begin == JsonToken.BEGIN_OBJECT ? EMPTY_OBJECT : EMPTY_ARRAY;
  }

  /** Takes the token that ends an object or array, and closes its scope. */
  private void close(JsonToken end) throws IOException {
    take(end);
    depth--;
  }

  private String numberText() throws IOException {
    if (peek() != JsonToken.NUMBER) {
      throw new IllegalStateException("expected a number but was " + peeked);
    }
    peeked = null;
    return new String(in, numberStart, pos - numberStart, StandardCharsets.ISO_8859_1);
  }

  /** Reads the separators before the next token and the token's first byte (a number or literal whole). */
  private JsonToken next() throws IOException {
    byte scope = scopes[depth - 1];
    switch (scope) {
      case EMPTY_ARRAY -> {
        scopes[depth - 1] = NONEMPTY_ARRAY;
        if (nonWhitespace() == ']') {
          pos++;
          return JsonToken.END_ARRAY;
        }
      }
      case NONEMPTY_ARRAY -> {
        int c = nonWhitespace();
        pos++;
        if (c == ']') {
          return JsonToken.END_ARRAY;
        }
        if (c != ',') {
          throw malformed();
        }
      }
      case EMPTY_OBJECT, NONEMPTY_OBJECT -> {
        scopes[depth - 1] = DANGLING_NAME;
        int c = nonWhitespace();
        pos++;
        if (c == '}') {
          return JsonToken.END_OBJECT;
        }
        if (scope == NONEMPTY_OBJECT) {
          if (c != ',') {
            throw malformed();
          }
          c = nonWhitespace();
          pos++;
        }
        if (c != '"') {
          throw malformed();
        }
        return JsonToken.NAME;
      }
      case DANGLING_NAME -> {
        scopes[depth - 1] = NONEMPTY_OBJECT;
        if (nonWhitespace() != ':') {
          throw malformed();
        }
        pos++;
      }
      case EMPTY_DOCUMENT -> scopes[depth - 1] = NONEMPTY_DOCUMENT;
      default -> {
        skipWhitespace();
        if (pos == end) {
          return JsonToken.END_DOCUMENT;
        }
        throw malformed();
      }
    }
    return value(nonWhitespace());
  }

  private JsonToken value(int c) throws IOException {
    switch (c) {
      case '{' -> {
        pos++;
        return JsonToken.BEGIN_OBJECT;
      }
      case '[' -> {
        pos++;
        return JsonToken.BEGIN_ARRAY;
      }
      case '"' -> {
        pos++;
        return JsonToken.STRING;
      }
      case 't' -> {
        literal("true");
        peekedBoolean = true;
        return JsonToken.BOOLEAN;
      }
      case 'f' -> {
        literal("false");
        peekedBoolean = false;
        return JsonToken.BOOLEAN;
      }
      case 'n' -> {
        literal("null");
        return JsonToken.NULL;
      }
      default -> {
        number();
        return JsonToken.NUMBER;
      }
    }
  }

  private void literal(String word) throws MalformedJsonException {
    if (!isAt(word)) {
      throw malformed();
    }
    pos += word.length();
  }

  /** Whether the bytes from {@code pos} on are {@code text}, which has no character a JSON string must escape. */
  private boolean isAt(String text) {
    int length = text.length();
    if (end - pos < length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c != in[pos + i] || c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** A number literal (RFC 8259: {@code -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?}), read whole. */
  private void number() throws MalformedJsonException {
    int i = pos;
    if (i < end && in[i] == '-') {
      i++;
    }
    if (i < end && in[i] == '0') {
      i++;
    } else {
      i = digits(i);
    }
    if (i < end && in[i] == '.') {
      i = digits(i + 1);
    }
    if (i < end && (in[i] == 'e' || in[i] == 'E')) {
      i++;
      if (i < end && (in[i] == '+' || in[i] == '-')) {
        i++;
      }
      i = digits(i);
    }
    numberStart = pos;
    pos = i;
  }

  /** The end of a run of at least one digit from {@code i}. */
  private int digits(int i) throws MalformedJsonException {
    int start = i;
    while (i < end && in[i] >= '0' && in[i] <= '9') {
      i++;
    }
    if (i == start) {
      throw malformed();
    }
    return i;
  }

  /** The string whose opening quote was read; its bytes are found eight at a time while they need no care. */
  private String string() throws IOException {
    int start = pos;
    int i = pos;
    while (i + Long.BYTES <= end && PlainText.isPlainWord(in, i)) {
      i += Long.BYTES;
    }
    boolean ascii = true;
    while (true) {
      if (i == end) {
        throw malformed();
      }
      byte b = in[i];
      if (b == '"') {
        pos = i + 1;
        return text(start, i, ascii);
      }
      if (b == '\\') {
        return escaped(start, i, ascii);
      }
      if (b >= 0 && b < 0x20) {
        throw malformed();
      }
      ascii &= b >= 0;
      i++;
    }
  }

  /** A string with escapes, from {@code start}; {@code i} is its first backslash. */
  private String escaped(int start, int i, boolean ascii) throws IOException {
    StringBuilder out = new StringBuilder(i - start + 16);
    out.append(text(start, i, ascii));
    while (true) {
      if (i == end) {
        throw malformed();
      }
      byte b = in[i];
      if (b == '"') {
        pos = i + 1;
        return out.toString();
      }
      if (b == '\\') {
        i = escape(i + 1, out);
        continue;
      }
      int run = i;
      boolean runAscii = true;
      while (i < end && in[i] != '"' && in[i] != '\\') {
        if (in[i] >= 0 && in[i] < 0x20) {
          throw malformed();
        }
        runAscii &= in[i] >= 0;
        i++;
      }
      out.append(text(run, i, runAscii));
    }
  }

  /** Appends the character of the escape after a backslash at {@code i - 1}; returns the position after it. */
  private int escape(int i, StringBuilder out) throws MalformedJsonException {
    if (i == end) {
      throw malformed();
    }
    switch (in[i]) {
      case '"', '\\', '/' -> out.append((char) in[i]);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> {
        if (end - i < 5) {
          throw malformed();
        }
        int code = 0;
        for (int k = 1; k <= 4; k++) {
          int digit = Character.digit(in[i + k], 16);
          if (digit < 0) {
            throw malformed();
          }
          code = code << 4 | digit;
        }
        out.append((char) code);
        return i + 5;
      }
      default -> throw malformed();
    }
    return i + 1;
  }

  private String text(int from, int to, boolean ascii) throws MalformedJsonException {
    if (ascii) {
      return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }
    if (!Utf8.isWellFormed(in, from, to)) {
      throw malformed();
    }
    return new String(in, from, to - from, StandardCharsets.UTF_8);
  }

  /** The next byte that is not JSON whitespace, not consumed. */
  private int nonWhitespace() throws MalformedJsonException {
    skipWhitespace();
    if (pos == end) {
      throw malformed();
    }
    return in[pos];
  }

  private void skipWhitespace() {
    while (pos < end && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
      pos++;
    }
  }

  private static MalformedJsonException malformed() {
    return new MalformedJsonException("malformed JSON");
  }
}
