package io.tokensdk.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.RawEncParams;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SchemaValidator;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.ValidationMode;
import io.tokensdk.spec.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

  @Test
  void unknownFieldsAreIgnoredAndUnknownEnumValuesKeepTheirRawValue() {
    CreateTokenReq req = TokenSdkJson.parse("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\","
        + "\"initialState\":\"DORMANT\",\"futureField\":{\"a\":[1,2]}}", CreateTokenReq.class);
    assertEquals(InitialState.UNKNOWN_TO_SDK_VERSION, req.getInitialState());
    assertEquals("DORMANT", req.getInitialStateAsString());
    assertEquals("{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\",\"initialState\":\"DORMANT\"}",
        TokenSdkJson.write(req), "the raw value survives a round trip");

    RawEncParams inner = TokenSdkJson.parse("{\"algo\":\"SM4\",\"mode\":\"GCM\"}", RawEncParams.class);
    assertEquals(RawEncParams.AlgoEnum.UNKNOWN_TO_SDK_VERSION, inner.getAlgo());
    assertEquals("SM4", inner.getAlgoAsString());
    assertEquals(RawEncParams.ModeEnum.GCM, inner.getMode());
  }

  @Test
  void readConformingReadsOnlyWhatItCanVouchForAndThenWhatParseReads() {
    String valid = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\u00e9\",\"tokenRequestorId\":\"r\","
        + "\"futureField\":[1,{}]}";
    assertEquals(TokenSdkJson.write(TokenSdkJson.parse(valid, CreateTokenReq.class)),
        TokenSdkJson.write(TokenSdkJson.readConforming(valid, CreateTokenReq.class).orElseThrow()));
    for (String refused : List.of(valid.replace("\"r\"", "\"r\",\"initialState\":\"DORMANT\""),
        valid.replace("\"r\"", "\"r\",\"initialState\":null"), valid.replace("\"ISSUER0001\"", "\"SHORT\""),
        valid.substring(1), valid + " x", "null", "")) {
      assertTrue(TokenSdkJson.readConforming(refused, CreateTokenReq.class).isEmpty(), refused);
      // the thread's reader, kept for the next document, carries nothing of one it gave up midway
      assertEquals(TokenSdkJson.write(TokenSdkJson.parse(valid, CreateTokenReq.class)),
          TokenSdkJson.write(TokenSdkJson.readConforming(valid, CreateTokenReq.class).orElseThrow()), refused);
    }
    assertTrue(TokenSdkJson.readConforming("{\"a\":1}", java.util.Map.class).isEmpty(), "no schema");
  }

  @Test
  void aReadWithinAReadOnTheSameThreadGetsAReaderOfItsOwn() {
    String valid = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\"}";
    TypeAdapter<CreateTokenReq> generated = TokenSdkJson.gson().getAdapter(CreateTokenReq.class);
    List<CreateTokenReq> inner = new ArrayList<>();
    TypeAdapter<CreateTokenReq> nesting = new TypeAdapter<>() {
      @Override
      public void write(JsonWriter out, CreateTokenReq value) throws IOException {
        generated.write(out, value);
      }

      @Override
      public CreateTokenReq read(JsonReader in) throws IOException {
        inner.add(TokenSdkJson.readConforming(valid.replace("\"r\"", "\"inner\""), CreateTokenReq.class)
            .orElseThrow());
        return generated.read(in);
      }
    };
    SchemaValidator validator = TokenSdkJson.validator(SpecId.TSP);
    byte[] outer = valid.getBytes(StandardCharsets.UTF_8);
    CreateTokenReq read = validator.readConforming(outer, outer.length,
        validator.spec().schema("createTokenReq").orElseThrow(), nesting).orElseThrow();
    assertEquals("r", read.getTokenRequestorId());
    assertEquals("inner", inner.get(0).getTokenRequestorId());
  }

  @Test
  void knownEnumValuesMapBothWays() {
    CreateTokenReq req = new CreateTokenReq().initialState(InitialState.ACTIVE);
    assertEquals("{\"initialState\":\"ACTIVE\"}", TokenSdkJson.write(req));
    assertEquals(StatusCode._0000, StatusCode.fromValue("0000"));
    assertEquals("3DES", RawEncParams.AlgoEnum._3_DES.getValue());
  }

  @Test
  void parsingChecksRequiredFieldsAndTypes() {
    SchemaViolationException missing = assertThrows(SchemaViolationException.class,
        () -> TokenSdkJson.parse("{\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\"}", CreateTokenReq.class));
    assertEquals(Violation.Kind.MISSING, missing.violations().get(0).kind());
    assertEquals("issuerId", missing.violations().get(0).field());

    SchemaViolationException wrongType = assertThrows(SchemaViolationException.class,
        () -> TokenSdkJson.parse("{\"issuerId\":12,\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\"}", CreateTokenReq.class));
    assertEquals(Violation.Kind.BAD_FORMAT, wrongType.violations().get(0).kind());

    assertThrows(SchemaViolationException.class,
        () -> TokenSdkJson.parse("{\"responseCode\":1.5}", io.tokensdk.model.tsp.ErrorRes.class));
    assertThrows(MalformedJsonException.class, () -> TokenSdkJson.parse("{\"issuerId\":", CreateTokenReq.class));
    assertThrows(MalformedJsonException.class, () -> TokenSdkJson.parse("{'a':1}", CreateTokenReq.class));
    assertThrows(MalformedJsonException.class, () -> TokenSdkJson.parse("{} {}", CreateTokenReq.class));
  }

  @Test
  void lenientParsingAcceptsOutOfRangeValuesThatStrictValidationRejects() {
    String json = "{\"issuerId\":\"TOO-SHORT\",\"cardRefId\":\"c\",\"tokenRequestorId\":\"r\"}";
    TokenSdkJson.parse(json, CreateTokenReq.class);
    List<Violation> strict = TokenSdkJson.validate(TokenSdkJson.parseTree(json), CreateTokenReq.class, ValidationMode.STRICT);
    assertEquals(1, strict.size());
    assertEquals("issuerId", strict.get(0).field());
    assertFalse(strict.get(0).message().contains("TOO-SHORT"), "messages never quote values");
  }

  @Test
  void strictValidationCoversPatternsEnumsBoundsAndDates() {
    String bad = "{\"messageId\":\"not-a-uuid-not-a-uuid-not-a-uuid-000\",\"conversationId\":\"aa3a5f54-6eb2-4714-aea3-9f525353cbd7\","
        + "\"token\":{\"tokenReferenceId\":\"T\",\"tokenLast4\":\"12a4\"},\"tokenRequestor\":{\"tokenRequestorId\":\"123\"},"
        + "\"tokenState\":\"FROZEN\",\"stateChangeReasonCode\":\"SOMETHING_NEW\",\"initiatingChannel\":\"API\","
        + "\"stateChangeTimestamp\":\"yesterday\"}";
    List<String> fields = TokenSdkJson.validate(TokenSdkJson.parseTree(bad), TokenStateChangedNotification.class,
        ValidationMode.STRICT).stream().map(Violation::field).toList();
    assertEquals(List.of("messageId", "token.tokenLast4", "tokenRequestor.tokenRequestorId", "tokenState",
        "stateChangeTimestamp"), fields, "stateChangeReasonCode is an open set");

    List<Violation> bounds = TokenSdkJson.validate(TokenSdkJson.parseTree("{\"paymentRemaining\":1000000}"),
        io.tokensdk.model.tsp.UsageLimitsStatus.class, ValidationMode.STRICT);
    assertEquals("paymentRemaining", bounds.get(0).field());
  }

  @Test
  void timestampsAndUuidsAreTyped() {
    NotificationResponse response = TokenSdkJson.parse("{\"messageId\":\"6fdf4f09-7fbb-48ae-be1e-ac412a2949a7\","
        + "\"statusCode\":\"1301\",\"statusMessage\":\"Invalid request.\"}", NotificationResponse.class);
    assertEquals("6fdf4f09-7fbb-48ae-be1e-ac412a2949a7", response.getMessageId().toString());
    assertEquals(StatusCode._1301, response.getStatusCode());
    TokenStateChangedNotification n = new TokenStateChangedNotification()
        .stateChangeTimestamp(OffsetDateTime.parse("2026-11-23T11:00:00+01:00"));
    assertEquals("{\"stateChangeTimestamp\":\"2026-11-23T11:00:00+01:00\"}", TokenSdkJson.write(n));
  }

  @Test
  void toStringShowsSensitiveBlobsOnlyByPrefixAndLength() {
    String jwe = "eyJhbGciOiJFQ0RILUVTIn0..c2VjcmV0LXBheWxvYWQtdGhhdC1tdXN0LW5vdC1sZWFr.tag";
    String text = new TokenInfo().exp("1229").last4("4792").encryptedData(jwe).toString();
    assertFalse(text.contains("c2VjcmV0LXBheWxvYWQ"), text);
    assertTrue(text.contains("eyJhbGci…(" + jwe.length() + " chars)"), text);
    assertEquals("null", Redaction.sensitive(null));
    assertEquals("***(3 chars)", Redaction.sensitive("abc"));
  }

  @Test
  void everySpecLoadsWithItsOperations() {
    assertEquals(13, ApiSpec.of(SpecId.TSP).operations().size());
    assertEquals("/tsp/trapi/v1.0", ApiSpec.of(SpecId.TSP).basePath());
    assertEquals(2, ApiSpec.of(SpecId.COF).operations().size());
    assertEquals("/tsh-cof", ApiSpec.of(SpecId.COF).basePath());
    assertEquals(2, ApiSpec.of(SpecId.PAT).operations().size());
    assertEquals(7, ApiSpec.of(SpecId.TSP).operations().stream().filter(o -> o.optional()).count());
    assertEquals(JsonParser.parseString("{\"type\":\"string\",\"minLength\":1,\"maxLength\":48}"),
        ApiSpec.of(SpecId.TSP).operation("healthCheck").orElseThrow().headerParameters().get(0).schema());
  }
}
