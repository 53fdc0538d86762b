package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The compiled validator gives what the spec's schemas say, for the spec's schemas and for schemas from elsewhere. */
class SchemaValidatorTest {

  @Test
  void anEmptyBodyMissesExactlyTheRequiredPropertiesOfEveryRequestSchema() {
    for (SpecId id : SpecId.values()) {
      ApiSpec spec = ApiSpec.of(id);
      SchemaValidator validator = new SchemaValidator(spec);
      for (SpecOperation operation : spec.operations()) {
        if (operation.requestBodySchema() == null) {
          continue;
        }
        JsonObject schema = spec.resolve(operation.requestBodySchema());
        List<String> required = new ArrayList<>();
        if (schema.has("required")) {
          schema.getAsJsonArray("required").forEach(name -> required.add(name.getAsString()));
        }
        List<Violation> violations = validator.validate(new JsonObject(), operation.requestBodySchema(), "",
            ValidationMode.STRICT);
        assertEquals(required, violations.stream().map(Violation::field).toList(), operation.operationId());
        assertTrue(violations.stream().allMatch(v -> v.kind() == Violation.Kind.MISSING));
      }
    }
  }

  @Test
  void anInt32IsRefusedBeyondTheRangeOfTheIntegerItsModelHoldsInStrictAndLenientReads() {
    ApiSpec spec = ApiSpec.of(SpecId.TSP);
    SchemaValidator validator = new SchemaValidator(spec);
    JsonObject errorRes = spec.schema("errorRes").orElseThrow();
    for (ValidationMode mode : ValidationMode.values()) {
      for (String fits : List.of("2147483647", "-2147483648", "112")) {
        assertEquals(List.of(), validator.validate(JsonParser.parseString("{\"responseCode\":" + fits + "}"), errorRes,
            "", mode), fits);
      }
      for (String beyond : List.of("2147483648", "-2147483649", "4294967408")) {
        assertEquals(List.of("bad parameter format: responseCode (integer out of range)"), validator.validate(
            JsonParser.parseString("{\"responseCode\":" + beyond + "}"), errorRes, "", mode).stream()
            .map(Violation::message).toList(), beyond);
      }
    }
  }

  @Test
  void referencedSchemasNestedObjectsArraysAndBoundsAreChecked() {
    ApiSpec spec = ApiSpec.of(SpecId.PAT);
    SchemaValidator validator = new SchemaValidator(spec);
    JsonElement body = JsonParser.parseString("{\"tokenRestrictions\":{\"maxTransactionAmount\":{\"value\":\"x\"},"
        + "\"allowedCountryCodes\":[\"FR\",\"fr\"]},\"tokenState\":\"FROZEN\",\"provisionedTimestamp\":\"today\"}");
    List<String> fields = validator.validate(body, spec.schema("tokenProvisionedNotification").orElseThrow(), "",
        ValidationMode.STRICT).stream().filter(v -> v.kind() == Violation.Kind.BAD_FORMAT).map(Violation::field).toList();
    assertEquals(List.of("tokenState", "tokenRestrictions.maxTransactionAmount.value",
        "tokenRestrictions.allowedCountryCodes[1]", "provisionedTimestamp"), fields);
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 101; i++) {
      tooMany.add("5411");
    }
    JsonObject restrictions = new JsonObject();
    restrictions.add("allowedMerchantCategoryCodes", tooMany);
    assertEquals(List.of("allowedMerchantCategoryCodes"), validator.validate(restrictions,
        spec.schema("tokenRestrictions").orElseThrow(), "", ValidationMode.STRICT).stream().map(Violation::field).toList());
    assertTrue(validator.validate(restrictions, spec.schema("tokenRestrictions").orElseThrow(), "", ValidationMode.LENIENT)
        .isEmpty(), "bounds are strict-only");
  }

  @Test
  void aSchemaFromElsewhereIsCompiledOnFirstUseAndGivesTheSameAnswerEveryTime() throws Exception {
    SchemaValidator validator = new SchemaValidator(ApiSpec.of(SpecId.TSP));
    JsonObject schema = JsonParser.parseString("{\"type\":\"object\",\"required\":[\"a\"],\"properties\":{"
        + "\"a\":{\"type\":\"integer\",\"minimum\":1},\"b\":{\"$ref\":\"#/components/schemas/exp\"}}}").getAsJsonObject();
    JsonElement value = JsonParser.parseString("{\"a\":0,\"b\":\"12345\"}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> validator.validate(value, schema, "", ValidationMode.STRICT).stream()
            .map(v -> v.field() + ": " + v.message()).toList()));
      }
      for (Future<List<String>> result : results) {
        assertEquals(List.of("a: bad parameter format: a (at least 1)", "b: bad parameter format: b (at most 4 characters)"),
            result.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
