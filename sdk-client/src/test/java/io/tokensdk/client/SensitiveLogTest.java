package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.Sensitivity;
import io.tokensdk.spec.SpecId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client's HTTP log, driven by the specs: every operation of every spec goes through the real client to a mock
 * server whose answer fills every field the spec marks {@code x-tokensdk-sensitive}; each is logged only as its
 * sensitivity class allows, and no secret value reaches the log.
 */
@ExtendWith(SecretLog.class)
class SensitiveLogTest {
  private static final String SECRET = "SECRETPARTTHATMUSTNOTLEAK";
  private static final String ENCRYPTED = "eyJhbGciOiJSU0EtT0FFUC0yNTYifQ." + SECRET;
  private static final String CARD_DATA = "0931";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  @AutoClose
  private final MockWebServer server = Loopback.server();
  private Clients clients;

  @BeforeEach
  void start() {
    clients = Clients.against(server, b -> b.retryPolicy(RetryPolicy.NONE).httpLog(line -> {
      lines.add(line);
      SecretLog.sink().log(line);
    }));
  }

  @Test
  void everySensitiveFieldAndHeaderIsRedactedInTheHttpLog() {
    Map<SpecId, Map<String, Sensitivity>> sensitive = new TreeMap<>();
    for (SpecId id : SpecId.values()) {
      sensitive.put(id, sensitiveProperties(ApiSpec.of(id)));
    }
    assertTrue(sensitive.get(SpecId.TSP).keySet().containsAll(List.of("cipheredCardInfo", "encryptedData", "exp")));
    assertTrue(sensitive.get(SpecId.PAT).keySet().containsAll(List.of("encryptedRealAccountNumber", "tokenExpiry")));

    for (WireCase wire : WireCases.all()) {
      SpecId spec = specOf(wire.path());
      MockResponse answer = new MockResponse().setResponseCode(wire.successStatus());
      if (wire.responseJson() != null) {
        JsonObject body = TokenSdkJson.parseTree(wire.responseJson()).getAsJsonObject();
        sensitive.get(spec).forEach((name, sensitivity) -> body.addProperty(name, secretValue(sensitivity)));
        answer.setHeader("Content-Type", "application/json").setBody(body.toString());
      }
      server.enqueue(answer);
      wire.call().apply(clients, RequestOptions.builder().build());
    }

    String log = String.join("\n", lines);
    assertFalse(log.contains(SECRET), log);
    assertFalse(log.contains("\"" + CARD_DATA + "\""), log);
    sensitive.forEach((spec, properties) -> properties.forEach((name, sensitivity) -> {
      String expected = "\"" + name + "\":\"" + sensitivity.redact(secretValue(sensitivity)) + "\"";
      assertTrue(log.contains(expected), spec + ": " + expected + " not in the log");
    }));
    assertTrue(log.contains("\"cipheredCardInfo\":\"" + Sensitivity.ENCRYPTED.redact(WireCases.CMS) + "\""),
        "a sensitive request field is redacted too");
    assertEquals(Sensitivity.KEY_MATERIAL, ApiConventions.of(SpecId.COF).headerSensitivity("authorization").orElseThrow());
    assertTrue(log.contains("authorization: APIKEY ***"), log);
    assertFalse(log.contains(SecretLog.API_KEY));
  }

  @Test
  void aUsageLimitDateIsNotCardDataAndStaysReadable() {
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
        .setBody("{\"repCounter\":\"8\",\"usageLimits\":{\"maxPayments\":5,\"expiryDate\":\"2026-12-31\"}}"));
    try {
      clients.tsp().requestReplenishment(WireCases.TOKEN, WireCases.model("{\"issuerId\":\"ISSUER0001\",\"atc\":\"0012\","
          + "\"usageLimitsStatus\":{\"paymentRemaining\":3},\"paymentCredsStatus\":[],\"lastRepCounter\":\"7\"}",
          io.tokensdk.model.tsp.RequestReplenishmentReq.class));
    } catch (TokenSdkException ignored) {
      // The answer may not satisfy the response schema; only its log line matters here.
    }
    assertTrue(String.join("\n", lines).contains("\"expiryDate\":\"2026-12-31\""), lines.toString());
  }

  private static String secretValue(Sensitivity sensitivity) {
    return sensitivity == Sensitivity.CARD_DATA ? CARD_DATA : ENCRYPTED;
  }

  private static SpecId specOf(String path) {
    return path.startsWith("/tsp/") ? SpecId.TSP : path.startsWith("/tsh-cof/") ? SpecId.COF : SpecId.PAT;
  }

  /** Every property name the spec marks sensitive, on the property or on the schema it references. */
  private static Map<String, Sensitivity> sensitiveProperties(ApiSpec spec) {
    Map<String, Sensitivity> found = new TreeMap<>();
    for (String schemaName : spec.schemaNames()) {
      JsonObject properties = spec.schema(schemaName).orElseThrow().getAsJsonObject("properties");
      if (properties == null) {
        continue;
      }
      for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
        JsonObject node = property.getValue().getAsJsonObject();
        JsonElement mark = node.has("x-tokensdk-sensitive") ? node.get("x-tokensdk-sensitive")
            : spec.resolve(node).get("x-tokensdk-sensitive");
        if (mark != null) {
          found.put(property.getKey(), Sensitivity.fromSpec(mark.getAsString()));
        }
      }
    }
    return found;
  }
}
