package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.json.OpenApiSchema;
import io.tokensdk.model.pat.TokenIdentifiers;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.UsageLimits;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Every property the specs mark {@code x-tokensdk-sensitive} is redacted in its generated model's toString(). */
class SensitiveToStringTest {
  private static final String SECRET = "SECRETPAYLOADTHATMUSTNOTLEAK";

  @Test
  void everySensitivePropertyIsRedactedInToString() throws Exception {
    int checked = 0;
    for (SpecId id : SpecId.values()) {
      SpecJson spec = SpecJson.of(id);
      java.util.List<String[]> marked = new java.util.ArrayList<>();
      spec.forEachSensitiveProperty((schema, property, value) -> marked.add(new String[] {schema, property, value}));
      for (String[] field : marked) {
        Class<?> model = Class.forName("io.tokensdk.model." + id.id() + "." + capitalize(field[0]));
        assertEquals(field[0], model.getAnnotation(OpenApiSchema.class).name());
        Object instance = model.getConstructor().newInstance();
        Method setter = model.getMethod("set" + capitalize(field[1]), String.class);
        String value = "eyJhbGciOiJSU0EtT0FFUC0yNTYifQ." + SECRET;
        setter.invoke(instance, value);
        String text = instance.toString();
        assertFalse(text.contains(SECRET), text);
        assertTrue(text.contains(field[1] + "=" + Sensitivity.fromSpec(field[2]).redact(value)), text);
        checked++;
      }
    }
    assertTrue(checked >= 10, "the specs mark the encrypted blobs and the expiry dates: " + checked);
  }

  @Test
  void theDriftTheIssueFoundIsGone() {
    assertFalse(new TokenInfo().exp("1229").last4("4792").toString().contains("1229"));
    assertFalse(new TokenIdentifiers().tokenReferenceId("T1").tokenExpiry("1229").toString().contains("1229"));
    assertTrue(new UsageLimits().expiryDate("2026-12-31").toString().contains("2026-12-31"),
        "a usage-limit date is not card data");
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
