package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.tsp.TspResponseCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the generated conventions answer, checked against what the spec JSON says (read independently). */
class ApiConventionsTest {

  @Test
  void everyOperationOfEverySpecHasItsRulesAsTheSpecStatesThem() {
    for (ApiConventions conventions : ApiConventions.all()) {
      SpecJson spec = SpecJson.of(conventions.spec());
      Set<String> seen = new HashSet<>();
      spec.forEachOperation((operationId, operation) -> {
        seen.add(operationId);
        var key = operation.getAsJsonObject("x-tokensdk-idempotency-key");
        IdempotencyKey expected = new IdempotencyKey(
            IdempotencyKey.Location.valueOf(key.get("in").getAsString().toUpperCase()), key.get("name").getAsString());
        assertEquals(expected, conventions.idempotencyKey(operationId), operationId);
        assertEquals(operation.get("x-tokensdk-deduplicated").getAsBoolean(), conventions.deduplicated(operationId));
        assertEquals(operation.get("x-tokensdk-read-only").getAsBoolean(), conventions.readOnly(operationId));
      });
      assertEquals(seen, conventions.operationIds());
    }
  }

  @Test
  void idempotencyKeysAndDeduplicationPerApi() {
    ApiConventions tsp = ApiConventions.of(SpecId.TSP);
    assertEquals(IdempotencyKey.header("x-request-id"), tsp.idempotencyKey("createToken"));
    assertTrue(tsp.deduplicated("createToken"));
    assertTrue(tsp.retrySafe("createToken"));
    assertFalse(tsp.deduplicated("healthCheck"));
    assertTrue(tsp.readOnly("healthCheck"));
    assertTrue(tsp.retrySafe("healthCheck"));
    for (String operationId : tsp.operationIds()) {
      assertTrue(tsp.deduplicated(operationId) != tsp.readOnly(operationId),
          operationId + ": every TSP operation is either deduplicated or read-only");
    }
    assertEquals(IdempotencyKey.header("x-correlation-id"), ApiConventions.of(SpecId.COF).idempotencyKey("notifyBindingUpdate"));
    assertTrue(ApiConventions.of(SpecId.COF).deduplicated("notifyBindingCreation"));
    assertEquals(IdempotencyKey.body("messageId"), ApiConventions.of(SpecId.PAT).idempotencyKey("notifyTokenProvisioned"));
    assertTrue(ApiConventions.of(SpecId.PAT).deduplicated("notifyTokenStateChanged"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> tsp.deduplicated("nope"));
    assertTrue(unknown.getMessage().contains("nope"));
    assertThrows(NullPointerException.class, () -> tsp.idempotencyKey(null));
  }

  @Test
  void retryableAnswersPerApi() {
    ApiConventions tsp = ApiConventions.of(SpecId.TSP);
    assertTrue(tsp.retryable(500, null));
    assertTrue(tsp.retryable(503, null));
    assertTrue(tsp.retryable(400, "921"), "921 is retryable on the HTTP status of its table entry");
    assertFalse(tsp.retryable(400, "112"));
    assertFalse(tsp.retryable(400, null));
    assertFalse(tsp.retryable(400, "999"));

    ApiConventions cof = ApiConventions.of(SpecId.COF);
    assertEquals(Set.of(429, 500, 503), cof.retryableStatuses());
    for (int status : new int[] {400, 401, 404, 409}) {
      assertFalse(cof.retryable(status, null), Integer.toString(status));
    }

    ApiConventions pat = ApiConventions.of(SpecId.PAT);
    assertTrue(pat.retryable(500, "1300"));
    assertFalse(pat.retryable(500, "1399"));
    assertFalse(pat.retryable(500, null), "a PAT 500 is retryable only with statusCode 1300");
    assertFalse(pat.retryable(400, "1300"), "1300 is answered on 500");
    assertEquals(400, pat.httpStatus("1301"));
    assertEquals(500, pat.httpStatus("1300"));
    assertThrows(IllegalArgumentException.class, () -> pat.httpStatus("4242"));
  }

  @Test
  void codeEnumsAreTheTables() {
    assertEquals(15, TspResponseCode.values().length);
    assertEquals(TspResponseCode.UNEXPECTED_SERVER_ERROR, TspResponseCode.of(921).orElseThrow());
    assertTrue(TspResponseCode.of(999).isEmpty());
    assertEquals(CofError.TOO_MANY_REQUESTS, CofError.of(429).orElseThrow());
    assertTrue(CofError.of(418).isEmpty());
    assertEquals(StatusCode._1300, StatusCode.fromValue("1300"));
    assertEquals(StatusCode.UNKNOWN_TO_SDK_VERSION, StatusCode.fromValue("4242"));
    assertEquals(4, ApiConventions.of(SpecId.PAT).codes().size(), "UNKNOWN_TO_SDK_VERSION is not a row of the table");
    assertEquals("responseCode", ApiConventions.of(SpecId.TSP).codeField().orElseThrow());
    assertEquals("statusCode", ApiConventions.of(SpecId.PAT).codeField().orElseThrow());
    assertTrue(ApiConventions.of(SpecId.COF).codeField().isEmpty(), "the COF status is the code");
  }

  @Test
  void sensitivityIsTheSpecs() {
    for (ApiConventions conventions : ApiConventions.all()) {
      int[] marked = {0};
      SpecJson.of(conventions.spec()).forEachSensitiveProperty((schema, property, value) -> {
        marked[0]++;
        assertEquals(Sensitivity.fromSpec(value), conventions.sensitivity(schema, property).orElseThrow(),
            schema + "." + property);
        assertTrue(conventions.fieldSensitivity(property).isPresent(), property);
      });
      assertTrue(marked[0] > 0 || conventions.spec() == SpecId.COF, conventions.spec() + " marks sensitive fields");
    }
    ApiConventions tsp = ApiConventions.of(SpecId.TSP);
    assertEquals(Sensitivity.CARD_DATA, tsp.sensitivity("tokenInfo", "exp").orElseThrow());
    assertTrue(tsp.sensitivity("usageLimits", "expiryDate").isEmpty(), "a usage-limit date is not card data");
    assertEquals(Sensitivity.CARD_DATA, ApiConventions.of(SpecId.PAT).sensitivity("tokenIdentifiers", "tokenExpiry").orElseThrow());
    assertEquals(Sensitivity.KEY_MATERIAL, ApiConventions.of(SpecId.COF).headerSensitivity("Authorization").orElseThrow());
    assertTrue(ApiConventions.of(SpecId.COF).headerSensitivity("x-correlation-id").isEmpty());
    assertEquals(Sensitivity.CARD_DATA, tsp.fieldSensitivity("cvv").orElseThrow(), "a payload field of cipheredCardInfo");
    assertEquals(Sensitivity.CARD_DATA, tsp.fieldSensitivity("NEWFPAN").orElseThrow(), "names match case-insensitively");
    assertEquals(Sensitivity.ENCRYPTED, tsp.fieldSensitivity("encryptedData").orElseThrow());
    assertTrue(tsp.fieldSensitivity("expiryDate").isEmpty());
  }

  @Test
  void sensitivityClassesRedact() {
    assertEquals("***", Sensitivity.CARD_DATA.redact("1229"));
    assertEquals("APIKEY ***", Sensitivity.KEY_MATERIAL.redact("APIKEY c03f88fe-01ba-11e8"));
    assertEquals("***", Sensitivity.KEY_MATERIAL.redact("c03f88fe-01ba-11e8"));
    assertEquals("eyJhbGci…(41 chars)", Sensitivity.ENCRYPTED.redact("eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.secretpart"));
    assertEquals("null", Sensitivity.CARD_DATA.redact(null));
    assertThrows(IllegalArgumentException.class, () -> Sensitivity.fromSpec("true"));
  }
}
