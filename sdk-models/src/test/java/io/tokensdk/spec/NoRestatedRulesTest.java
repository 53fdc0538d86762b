package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The specs are the only place where a protocol rule is written: this walks the specs' conventions and fails when the
 * hand-written main sources of any module restate one of them (an idempotency key's name, a code of a code table, a
 * sensitive field's name, or an {@code x-tokensdk-*} extension read outside {@code io.tokensdk.spec}). Comments are not
 * scanned; numbers are looked for outside string literals.
 */
class NoRestatedRulesTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  /** The only hand-written package that reads the extensions: the conventions API and the spec loader. */
  private static final String SPEC_PACKAGE = "sdk-models/src/main/java/io/tokensdk/spec/";
  /**
   * Codes that are also HTTP statuses the SDK answers for reasons of its own are not looked for as numbers: COF's 400,
   * 401, 404 (unknown path), 500 and 503 (overload), and TSP 431, which is also "Request Header Fields Too Large".
   */
  private static final Set<String> ALSO_HTTP_STATUSES = Set.of("400", "401", "404", "431", "500", "503");
  /** sdk-benchmarks' baselines write the wire by hand on purpose: they measure the SDK against bare HTTP. */
  private static final Set<String> NOT_SCANNED_MODULES = Set.of("sdk-benchmarks");
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  @Test
  void noHandWrittenSourceRestatesASpecRule() throws IOException {
    List<String> findings = new ArrayList<>();
    Set<String> keyNames = new TreeSet<>();
    Set<String> codeNumbers = new TreeSet<>();
    Set<String> codeStrings = new TreeSet<>();
    Set<String> sensitiveFields = new TreeSet<>();
    for (ApiConventions conventions : ApiConventions.all()) {
      conventions.operationIds().forEach(op -> keyNames.add(conventions.idempotencyKey(op).name().toLowerCase(Locale.ROOT)));
      boolean integerCodes = SpecJson.of(conventions.spec()).root().getAsJsonObject("x-tokensdk-codes").get("type")
          .getAsString().equals("integer");
      for (ProtocolCode code : conventions.codes()) {
        if (integerCodes && ALSO_HTTP_STATUSES.contains(code.value())) {
          continue;
        }
        (integerCodes ? codeNumbers : codeStrings).add(code.value());
      }
      SpecJson.of(conventions.spec()).forEachSensitiveProperty((schema, property, value) -> sensitiveFields.add(property));
    }
    assertTrue(keyNames.containsAll(Set.of("x-request-id", "x-correlation-id", "messageid")), keyNames.toString());
    assertTrue(codeNumbers.containsAll(Set.of("921", "112", "429")) && codeStrings.contains("1300"));

    for (Path source : handWrittenSources()) {
      String where = ROOT.relativize(source).toString().replace('\\', '/');
      String code = COMMENT.matcher(Files.readString(source)).replaceAll(" ");
      List<String> literals = new ArrayList<>();
      Matcher string = STRING.matcher(code);
      while (string.find()) {
        literals.add(string.group().substring(1, string.group().length() - 1));
      }
      String outsideStrings = STRING.matcher(code).replaceAll("\"\"");
      for (String literal : literals) {
        if (keyNames.contains(literal.toLowerCase(Locale.ROOT))) {
          findings.add(where + ": idempotency key \"" + literal + "\"");
        }
        if (codeStrings.contains(literal)) {
          findings.add(where + ": code \"" + literal + "\"");
        }
        if (literal.startsWith("x-tokensdk-") && !where.startsWith(SPEC_PACKAGE)) {
          findings.add(where + ": reads the extension " + literal + " itself");
        }
        if (sensitiveFields.contains(literal) && (where.startsWith("sdk-client/") || where.startsWith("sdk-server-stubs/"))) {
          findings.add(where + ": sensitive field \"" + literal + "\"");
        }
      }
      for (String number : codeNumbers) {
        if (Pattern.compile("(?<![\\w.])" + number + "(?![\\w.])").matcher(outsideStrings).find()) {
          findings.add(where + ": code " + number);
        }
      }
    }
    assertTrue(findings.isEmpty(), "protocol rules restated outside the specs (read them from ApiConventions or the "
        + "generated code enums instead):\n" + String.join("\n", findings));
  }

  @Test
  void theScanFindsWhatItLooksFor() {
    String sample = "if (status == 429 || code == 921) { headers.put(\"x-request-id\", id); } // 112 in a comment";
    String code = COMMENT.matcher(sample).replaceAll(" ");
    assertTrue(code.contains("921") && !code.contains("112"));
    assertTrue(STRING.matcher(code).replaceAll("\"\"").contains("headers.put(\"\", id)"));
  }

  private static List<Path> handWrittenSources() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java")))
          .filter(m -> !NOT_SCANNED_MODULES.contains(m.getFileName().toString())).toList()) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertTrue(sources.size() > 50, "the scan sees the reactor's sources: " + sources.size());
    return sources;
  }
}
