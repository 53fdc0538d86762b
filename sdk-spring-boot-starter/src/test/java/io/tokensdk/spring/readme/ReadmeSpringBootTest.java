package io.tokensdk.spring.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's Spring Boot quick start: its Java block is {@link MerchantApplication} verbatim, the application starts
 * and serves the COF API from one handler bean, and every {@code tokensdk.*} property the README shows exists.
 */
class ReadmeSpringBootTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void theJavaBlockIsTheCompiledApplication() throws IOException {
    String source = Files.readString(Path.of("src", "test", "java", "io", "tokensdk", "spring", "readme",
        "MerchantApplication.java"), StandardCharsets.UTF_8).replaceFirst("\\Apackage [\\w.]+;\\n\\n", "");
    assertEquals(source, block("spring-snippet: MerchantApplication", "java"));
  }

  @Test
  void everyStarterPropertyInTheReadmeExists() throws IOException {
    Set<String> known = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      for (JsonElement property : JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getAsJsonObject().getAsJsonArray("properties")) {
        known.add(property.getAsJsonObject().get("name").getAsString());
      }
    }
    Matcher key = Pattern.compile("(?m)^(tokensdk\\.[\\w.-]+)=").matcher(block("spring-properties", "properties"));
    int shown = 0;
    while (key.find()) {
      shown++;
      assertTrue(known.contains(key.group(1)), key.group(1) + " is not a property of the starter");
    }
    assertTrue(shown >= 5, "the README shows the starter's properties");
  }

  @Test
  void oneHandlerBeanServesTheApi() throws IOException {
    SpringApplication application = new SpringApplication(MerchantApplication.class);
    try (ConfigurableApplicationContext context = application.run("--server.port=0",
        "--tokensdk.server.cof.api-keys=readme-key", "--spring.main.banner-mode=off")) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      Request request = new Request.Builder().url("http://localhost:" + port + "/tsh-cof/notify-binding-creation")
          .header("authorization", "APIKEY readme-key").header("x-correlation-id", "c-readme")
          .post(RequestBody.create("{\"tokenId\":\"t1\",\"deviceId\":\"d1\",\"merchantId\":\"m1\","
              + "\"selectedIdvMethod\":\"OTP_SMS\"}", MediaType.get("application/json"))).build();
      try (Response response = new OkHttpClient().newCall(request).execute()) {
        assertEquals(204, response.code());
      }
      assertEquals("CREATED", context.getBean(MyMerchant.class).binding("t1"));
    }
  }

  private static String block(String marker, String language) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("<!-- " + Pattern.quote(marker) + " -->\\n```" + language + "\\n(.*?)```\\n",
        Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README has no block marked " + marker);
    return block.group(1);
  }
}
