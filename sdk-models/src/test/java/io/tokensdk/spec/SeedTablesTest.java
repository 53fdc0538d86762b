package io.tokensdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.tsp.TspResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated code tables against the seeds' own tables, which the specs carry verbatim in their descriptions (the
 * TSP responseCode table, the COF response descriptions, the PAT statusCode table; specs/README.md lists every change
 * from the seed pages, and these texts have none).
 */
class SeedTablesTest {

  @Test
  void tspResponseCodesAreTheSeedTable() {
    JsonObject errorRes = SpecJson.of(SpecId.TSP).root().getAsJsonObject("components").getAsJsonObject("schemas")
        .getAsJsonObject("errorRes");
    String table = errorRes.getAsJsonObject("properties").getAsJsonObject("responseCode").get("description").getAsString();
    Matcher row = Pattern.compile("\\|(\\d{3})\\|([^|]+)\\|([YN])\\|").matcher(table);
    List<String> codes = new ArrayList<>();
    while (row.find()) {
      codes.add(row.group(1));
      TspResponseCode code = TspResponseCode.of(Integer.parseInt(row.group(1))).orElseThrow();
      assertEquals(row.group(2).trim(), code.description());
      assertEquals("Y".equals(row.group(3)), code.retryable(), row.group(1));
    }
    assertEquals(15, codes.size());
    assertEquals(codes, ApiConventions.of(SpecId.TSP).codes().stream().map(ProtocolCode::value).toList());
  }

  @Test
  void everyTspCodeThatAnOperationListsIsAnsweredWithTheStatusItIsListedUnder() {
    SpecJson spec = SpecJson.of(SpecId.TSP);
    Pattern listed = Pattern.compile("Possible error codes are ([0-9, ]+)");
    int[] operations = {0};
    spec.forEachOperation((operationId, operation) -> {
      for (Map.Entry<String, JsonElement> response : operation.getAsJsonObject("responses").entrySet()) {
        JsonElement description = spec.resolve(response.getValue()).get("description");
        Matcher codes = listed.matcher(description == null ? "" : description.getAsString());
        if (codes.find()) {
          operations[0]++;
          for (String code : codes.group(1).split(",\\s*")) {
            assertEquals(Integer.parseInt(response.getKey()), ApiConventions.of(SpecId.TSP).httpStatus(code.trim()),
                operationId + " lists " + code + " under " + response.getKey());
          }
        }
      }
    });
    assertEquals(13, operations[0]);
  }

  @Test
  void cofStatusesAreTheSeedResponses() {
    JsonObject responses = SpecJson.of(SpecId.COF).root().getAsJsonObject("components").getAsJsonObject("responses");
    int errors = 0;
    for (Map.Entry<String, JsonElement> response : responses.entrySet()) {
      int status = Integer.parseInt(response.getKey());
      if (status < 400) {
        continue;
      }
      errors++;
      String[] parts = response.getValue().getAsJsonObject().get("description").getAsString().split(" - ");
      CofError error = CofError.of(status).orElseThrow();
      assertEquals(parts[0], error.description());
      assertEquals("Retryable".equals(parts[1]), error.retryable(), response.getKey());
      assertEquals(status, error.httpStatus());
      assertEquals(error.retryable(), ApiConventions.of(SpecId.COF).retryable(status, null));
    }
    assertEquals(CofError.values().length, errors);
  }

  @Test
  void patStatusCodesAreTheSeedTable() {
    JsonObject statusCode = SpecJson.of(SpecId.PAT).root().getAsJsonObject("components").getAsJsonObject("schemas")
        .getAsJsonObject("statusCode");
    Matcher row = Pattern.compile("\\|(\\d{4})\\|(\\d{3})\\|([^|]+)\\|").matcher(statusCode.get("description").getAsString());
    List<String> codes = new ArrayList<>();
    while (row.find()) {
      codes.add(row.group(1));
      StatusCode code = StatusCode.fromValue(row.group(1));
      assertEquals(Integer.parseInt(row.group(2)), code.httpStatus());
      assertEquals(row.group(3), code.description());
      assertEquals(row.group(3).contains("Try again later"), code.retryable(), row.group(1));
    }
    assertEquals(List.of("0000", "1301", "1300", "1399"), codes);
    List<String> enumValues = new ArrayList<>();
    statusCode.getAsJsonArray("enum").forEach(value -> enumValues.add(value.getAsString()));
    assertEquals(codes, enumValues, "the schema's enum and the table list the same codes");
    assertTrue(ApiConventions.of(SpecId.PAT).codes().stream().map(ProtocolCode::value).toList().equals(codes));
  }
}
