package io.tokensdk.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are the compiled sources of this package, included verbatim: a block marked
 * {@code <!-- snippet: Name -->} must equal {@code Name.java} without its package line. Run with
 * {@code -Dreadme.update=true} to copy the sources into the README instead of failing.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "io", "tokensdk", "examples", "readme");
  private static final Pattern BLOCK =
      Pattern.compile("<!-- snippet: (\\w+) -->\\n```(\\w+)\\n(.*?)```\\n", Pattern.DOTALL);

  @Test
  void everySnippetInTheReadmeIsItsCompiledSourceVerbatim() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Map<String, String> sources = snippetSources();
    List<String> problems = new ArrayList<>();
    StringBuilder updated = new StringBuilder();
    Matcher block = BLOCK.matcher(readme);
    int last = 0;
    List<String> shown = new ArrayList<>();
    while (block.find()) {
      String name = block.group(1);
      shown.add(name);
      String source = sources.get(name);
      updated.append(readme, last, block.start());
      if (source == null) {
        problems.add("README shows snippet " + name + " but " + SOURCES.resolve(name + ".java") + " does not exist");
        updated.append(block.group());
      } else {
        if (!source.equals(block.group(3))) {
          problems.add("README snippet " + name + " differs from " + SOURCES.resolve(name + ".java") + firstDifference(
              source, block.group(3)));
        }
        updated.append("<!-- snippet: ").append(name).append(" -->\n```java\n").append(source).append("```\n");
      }
      last = block.end();
    }
    updated.append(readme.substring(last));
    sources.keySet().stream().filter(name -> !shown.contains(name))
        .forEach(name -> problems.add("snippet source " + name + ".java is not shown in the README"));
    if (Boolean.getBoolean("readme.update")) {
      Files.writeString(README, updated.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertFalse(shown.isEmpty(), "no snippet markers found in " + README);
    assertEquals(List.of(), problems, "run the build with -Dreadme.update=true to copy the sources into the README");
  }

  /** Every snippet source, keyed by class name, as the README shows it: without the package line. */
  private static Map<String, String> snippetSources() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(ReadmeSnippetsTest::isSnippet).toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        sources.put(name, text.replaceFirst("\\Apackage [\\w.]+;\\n\\n", ""));
      }
    }
    return sources;
  }

  /** Every Java file of the package except this test and its runner. */
  private static boolean isSnippet(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".java") && !name.startsWith("ReadmeSnippets");
  }

  private static String firstDifference(String expected, String actual) {
    String[] want = expected.split("\n", -1);
    String[] got = actual.split("\n", -1);
    for (int i = 0; i < Math.min(want.length, got.length); i++) {
      if (!want[i].equals(got[i])) {
        return ": line " + (i + 1) + " is \"" + got[i] + "\", the source has \"" + want[i] + "\"";
      }
    }
    return ": " + got.length + " lines, the source has " + want.length;
  }
}
