package io.tokensdk.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.RequestOptions;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.client.TspApiException;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.NewCardInfo;
import io.tokensdk.crypto.payload.TokenCredentials;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.json.TokenSdkJson;
import io.tokensdk.model.tsp.CciState;
import io.tokensdk.model.tsp.CreateMerchantReq;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.NotifyReplenishTokenDone;
import io.tokensdk.model.tsp.PaymentCredAttr;
import io.tokensdk.model.tsp.PaymentCredStatus;
import io.tokensdk.model.tsp.RepersoTokenReq;
import io.tokensdk.model.tsp.ReplenishTokenReq;
import io.tokensdk.model.tsp.ReplenishmentDoneReq;
import io.tokensdk.model.tsp.RequestReplenishmentReq;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.SubmitNewTokenDataStatus;
import io.tokensdk.model.tsp.TokenListItem;
import io.tokensdk.model.tsp.TspResponseCode;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.model.tsp.UsageLimitsStatus;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.tsp.TspHandler;
import io.tokensdk.spec.ApiConventions;
import io.tokensdk.spec.ApiSpec;
import io.tokensdk.spec.SpecId;
import io.tokensdk.spec.SpecOperation;
import io.tokensdk.testing.ConformanceReport.Outcome;
import io.tokensdk.testing.ConformanceReport.Result;
import io.tokensdk.testing.tsp.TspKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The TSP conformance kit: a fake TSH that calls a TSP under test with every operation of the TSP API and the spec's
 * edge cases, and reports which answers break the spec. Run it in a TSP's own tests, against its handler in process
 * ({@link #check(Function)}) or against its running server ({@link #builder(String)}):
 *
 * <pre>{@code
 * TspConformanceKit.check(keys -> new MyTsp(keys.cardInfoKey(), keys.credentialsRecipient())).assertConforms();
 * }</pre>
 *
 * <p>The TSP must open card info sealed to its card-info certificate and seal {@code encryptedData} to the
 * requestor key the kit holds. Every request is sent once (no retries), so that each answer is the TSP's first one.
 */
public final class TspConformanceKit {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String UNKNOWN_TOKEN_ID = "tok-unknown-to-the-conformance-kit";

  private final String baseUrl;
  private final ClientConfig config;
  private final OkHttpClient raw;
  private final CmsEnvelopeSealer cardSealer;
  private final JweOpener credentialsOpener;
  private final String issuerId;
  private final String tokenRequestorId;
  private final List<Result> results = new ArrayList<>();

  private TspConformanceKit(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.config = builder.clientConfig().retryPolicy(RetryPolicy.NONE).build();
    OkHttpClient.Builder http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .callTimeout(Duration.ofSeconds(30));
    if (builder.clientKeys != null) {
      HandshakeCertificates tls = builder.handshakeCertificates();
      http.sslSocketFactory(tls.sslSocketFactory(), tls.trustManager());
    }
    this.raw = http.build();
    this.cardSealer = CmsEnvelopeSealer.forRecipient(builder.cardInfoCertificate, CmsKeyTransport.RSA_OAEP_SHA256);
    this.credentialsOpener = JweOpener.ecdhEs(builder.requestorKeys);
    this.issuerId = builder.issuerId;
    this.tokenRequestorId = builder.tokenRequestorId;
  }

  /**
   * Checks a TSP handler in process: generates {@link TestKeys}, builds the handler with their {@link TspKeys}, serves
   * it on loopback with mutual TLS and runs every check.
   *
   * @param tsp builds the TSP under test from the keys it must use
   * @return the report
   */
  public static ConformanceReport check(Function<TspKeys, ? extends TspHandler> tsp) {
    Objects.requireNonNull(tsp, "tsp");
    TestKeys keys = TestKeys.generate();
    try (FakeHost host = new FakeHost(tsp.apply(keys.tspKeys()), MountOptions.defaults(), keys.serverSslContext(),
        new FaultScript())) {
      return forTestKeys("https://localhost:" + host.port() + ApiSpec.of(SpecId.TSP).basePath(), keys).run();
    }
  }

  /**
   * A kit for a TSP serving with {@link TestKeys}: its TLS server certificate, the test CA for client certificates,
   * and {@link TestKeys#tspKeys()}.
   *
   * @param baseUrl the TSP's base URL, base path included
   * @param keys the keys the TSP holds
   * @return the kit
   */
  public static TspConformanceKit forTestKeys(String baseUrl, TestKeys keys) {
    Objects.requireNonNull(keys, "keys");
    Builder builder = builder(baseUrl).cardInfoCertificate(keys.cardInfo().certificate())
        .requestorKeys(keys.requestorKeys());
    if (baseUrl.startsWith("https:")) {
      builder.tls(keys.clientKeyStore(), keys.clientKeyStorePassword(), List.of(keys.tlsCa().certificate()));
    }
    return builder.build();
  }

  /**
   * A kit for any TSP server.
   *
   * @param baseUrl the TSP's base URL, base path included, e.g. {@code https://tsp.test:8443/tsp/trapi/v1.0}
   * @return a builder
   */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /**
   * Runs every check once, in order; a TSP's state changes (a token is created, suspended, deleted).
   *
   * @return the report
   */
  public ConformanceReport run() {
    results.clear();
    try (TspClient tsp = new TspClient(config)) {
      runChecks(tsp);
    }
    return new ConformanceReport(baseUrl, results);
  }

  private void runChecks(TspClient tsp) {
    check("healthCheck answers 204", () -> {
      tsp.healthCheck();
      return "";
    });
    String cardRefId = "conformance-" + UUID.randomUUID();
    String sealedCard = cardSealer.seal(CardInfo.builder().fpan(SealedFixtures.TEST_PAN).exp(SealedFixtures.TEST_EXP)
        .build());
    CreateTokenReq create = new CreateTokenReq().issuerId(issuerId).cardRefId(cardRefId)
        .tokenRequestorId(tokenRequestorId).cipheredCardInfo(sealedCard).initialState(InitialState.ACTIVE);
    String createRequestId = UUID.randomUUID().toString();
    Optional<CreateTokenRes> created = check("createToken answers a createTokenRes the spec allows",
        () -> tsp.createToken(create, RequestOptions.builder().requestId(createRequestId).build()));
    Optional<String> tokenId = created.map(CreateTokenRes::getTokenId);
    Optional<TokenData> token = checkWith(created, "createToken: tokenInfo.encryptedData opens with the requestor "
        + "key, and last4 and exp match it", res -> {
          TokenData data = credentialsOpener.open(res.getTokenInfo().getEncryptedData(), TokenData.TYPE);
          require(data.dpan().endsWith(res.getTokenInfo().getLast4()), "tokenInfo.last4 is not the end of the DPAN");
          require(data.exp().equals(res.getTokenInfo().getExp()), "tokenInfo.exp differs from the encrypted exp");
          return data;
        });
    if (ApiConventions.of(SpecId.TSP).deduplicated("createToken")) {
      checkWith(created, "createToken sent again with the same x-request-id answers the same token "
          + "(x-tokensdk-deduplicated)", res -> {
            String again = tsp.createToken(create, RequestOptions.builder().requestId(createRequestId).build())
                .getTokenId();
            require(res.getTokenId().equals(again), "a second token was created");
            return "";
          });
    }
    checkWith(tokenId, "updateTokenState to SUSPENDED answers 204", id -> {
      tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(issuerId).newState(State.SUSPENDED));
      return "";
    });
    checkWith(tokenId, "listTokens by cardRefId lists the token as SUSPENDED", id -> {
      List<TokenListItem> items = tsp.listTokens(new ListTokensReq().issuerId(issuerId).cardRefId(cardRefId))
          .getTokenList();
      TokenListItem item = items == null ? null
          : items.stream().filter(i -> id.equals(i.getTokenId())).findFirst().orElse(null);
      require(item != null, "the token is not listed");
      require(item.getState() == CciState.SUSPENDED, "state is " + item.getStateAsString());
      return "";
    });
    checkWith(tokenId, "updateTokenState back to ACTIVE answers 204", id -> {
      tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(issuerId).newState(State.ACTIVE));
      return "";
    });
    checkWith(tokenId, "updateToken with sealed new card info answers 204", id -> {
      tsp.updateToken(id, new UpdateTokenReq().issuerId(issuerId)
          .newCipheredCardInfo(cardSealer.seal(NewCardInfo.builder().newExp("0131").build())));
      return "";
    });
    checkWith(token.flatMap(t -> tokenId), "getTokenCredentials: encryptedData opens with the requestor key to the "
        + "token's DPAN", id -> {
          TokenCredentials credentials = credentialsOpener.open(tsp.getTokenCredentials(issuerId, id)
              .getEncryptedData(), TokenCredentials.TYPE);
          require(credentials.dpan().equals(token.get().dpan()), "the credentials carry another DPAN");
          return "";
        });
    optionalOperations(tsp, tokenId);
    checkError("updateTokenState on an unknown token answers 400 errorRes 119", TspResponseCode.UNKNOWN_TOKEN,
        () -> tsp.updateTokenState(UNKNOWN_TOKEN_ID, new UpdateTokenStateReq().issuerId(issuerId)
            .newState(State.SUSPENDED)));
    checkError("getTokenCredentials on an unknown token answers 400 errorRes", null,
        () -> tsp.getTokenCredentials(issuerId, UNKNOWN_TOKEN_ID));
    malformedRequests(create);
    checkWith(tokenId, "a DELETED token's credentials are refused with 400 errorRes", id -> {
      tsp.updateTokenState(id, new UpdateTokenStateReq().issuerId(issuerId).newState(State.DELETED));
      return expectError(null, () -> tsp.getTokenCredentials(issuerId, id));
    });
  }

  /** The wallet-specific operations: each answers what the spec allows, or errorRes 911 when not supported. */
  private void optionalOperations(TspClient tsp, Optional<String> tokenId) {
    String now = "2026-11-23T10:00:00";
    optional(tokenId, "requestReplenishment", id -> tsp.requestReplenishment(id, new RequestReplenishmentReq()
        .issuerId(issuerId).atc("0012").lastRepCounter("0")
        .usageLimitsStatus(new UsageLimitsStatus().paymentCredRemaining(0))
        .paymentCredsStatus(List.of(new PaymentCredStatus().diversifier("00FE").timestamp(now)
            .paymentCredAttr(new PaymentCredAttr().type(PaymentCredAttr.TypeEnum.SUK))))));
    optional(tokenId, "replenishmentDone", id -> {
      tsp.replenishmentDone(id, new ReplenishmentDoneReq().issuerId(issuerId).repCounter("1"));
      return null;
    });
    optional(tokenId, "submitNewTokenDataStatus", id -> {
      tsp.submitNewTokenDataStatus(id, new SubmitNewTokenDataStatus().issuerId(issuerId)
          .status(SubmitNewTokenDataStatus.StatusEnum.SUCCESS));
      return null;
    });
    optional(tokenId, "repersoToken", id -> {
      tsp.repersoToken(id, new RepersoTokenReq().issuerId(issuerId).newTokenProductId("PRODUCT-2"));
      return null;
    });
    optional(tokenId, "replenishToken", id -> tsp.replenishToken(id, new ReplenishTokenReq().issuerId(issuerId)));
    optional(tokenId, "notifyReplenishTokenDone", id -> {
      tsp.notifyReplenishTokenDone(id, new NotifyReplenishTokenDone().issuerId(issuerId));
      return null;
    });
    optional(Optional.of("GATEWAY001"), "createMerchant",
        gateway -> tsp.createMerchant(gateway, new CreateMerchantReq().merchantName("Conformance Shop")));
  }

  private void optional(Optional<String> input, String operationId, Function<String, Object> call) {
    checkWith(input, operationId + " answers what the spec allows, or errorRes 911 (not supported)", id -> {
      try {
        call.apply(id);
        return "supported";
      } catch (TspApiException e) {
        if (e.httpStatus() == 400 && Integer.valueOf(TspResponseCode.OPERATION_FAILED.code())
            .equals(e.rawResponseCode())) {
          return "not supported (911)";
        }
        throw e;
      }
    });
  }

  /** Requests a client built on the SDK would never send: the TSP must refuse them as the spec says. */
  private void malformedRequests(CreateTokenReq valid) {
    SpecOperation health = ApiSpec.of(SpecId.TSP).operation("healthCheck").orElseThrow();
    SpecOperation createToken = ApiSpec.of(SpecId.TSP).operation("createToken").orElseThrow();
    check("a request without x-request-id answers 400 errorRes 111", () -> expectRaw(health, null, false,
        TspResponseCode.MISSING_MANDATORY_PARAMETER));
    JsonObject body = JsonParser.parseString(TokenSdkJson.gson().toJson(valid)).getAsJsonObject();
    JsonObject withoutIssuer = body.deepCopy();
    withoutIssuer.remove("issuerId");
    check("createToken without issuerId answers 400 errorRes 111", () -> expectRaw(createToken,
        withoutIssuer.toString(), true, TspResponseCode.MISSING_MANDATORY_PARAMETER));
    JsonObject longIssuer = body.deepCopy();
    longIssuer.addProperty("issuerId", issuerId + "0");
    check("createToken with an issuerId longer than the spec allows answers 400 errorRes 112",
        () -> expectRaw(createToken, longIssuer.toString(), true, TspResponseCode.BAD_PARAMETER_FORMAT));
    check("createToken with a body that is not JSON answers 400 errorRes", () -> expectRaw(createToken,
        "{\"issuerId\": ", true, null));
  }

  private String expectRaw(SpecOperation operation, String body, boolean withRequestId, TspResponseCode expected)
      throws Exception {
    Request.Builder request = new Request.Builder().url(baseUrl + operation.path())
        .method(operation.method(), body == null ? (operation.method().equals("GET") ? null
            : RequestBody.create(new byte[0], JSON)) : RequestBody.create(body, JSON));
    if (withRequestId) {
      request.header(ApiConventions.of(SpecId.TSP).idempotencyKey(operation.operationId()).name(),
          UUID.randomUUID().toString());
    }
    try (Response response = raw.newCall(request.build()).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      require(response.code() == 400, "HTTP " + response.code() + ", expected 400");
      Integer code = responseCode(text);
      require(code != null, "the body is not an errorRes with a responseCode");
      require(TspResponseCode.of(code).isPresent(), "responseCode " + code + " is not in the spec's table");
      require(expected == null || expected.code() == code, "responseCode " + code + ", expected " + codeOf(expected));
      return "responseCode " + code;
    }
  }

  private static String codeOf(TspResponseCode expected) {
    return expected == null ? "any code of the table" : String.valueOf(expected.code());
  }

  private static Integer responseCode(String text) {
    try {
      JsonObject error = JsonParser.parseString(text).getAsJsonObject();
      return error.has("responseCode") ? error.get("responseCode").getAsInt() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void checkError(String name, TspResponseCode expected, Runnable call) {
    check(name, () -> expectError(expected, call));
  }

  private static String expectError(TspResponseCode expected, Runnable call) {
    try {
      call.run();
    } catch (TspApiException e) {
      require(e.httpStatus() == 400, "HTTP " + e.httpStatus() + ", expected 400");
      require(e.rawResponseCode() != null, "no errorRes responseCode");
      require(expected == null || expected.code() == e.rawResponseCode(),
          "responseCode " + e.rawResponseCode() + ", expected " + codeOf(expected));
      return "responseCode " + e.rawResponseCode();
    }
    throw new ConformanceFailure("the call succeeded");
  }

  private <T> Optional<T> check(String name, ThrowingSupplier<T> check) {
    try {
      T value = check.get();
      results.add(new Result(name, Outcome.PASS, value instanceof String detail ? detail : ""));
      return Optional.ofNullable(value);
    } catch (ConformanceFailure e) {
      results.add(new Result(name, Outcome.FAIL, e.getMessage()));
    } catch (Exception e) {
      results.add(new Result(name, Outcome.FAIL, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    return Optional.empty();
  }

  private <I, T> Optional<T> checkWith(Optional<I> input, String name, ThrowingFunction<I, T> check) {
    if (input.isEmpty()) {
      results.add(new Result(name, Outcome.SKIPPED, "an earlier check failed"));
      return Optional.empty();
    }
    return check(name, () -> check.apply(input.get()));
  }

  private static void require(boolean condition, String failure) {
    if (!condition) {
      throw new ConformanceFailure(failure);
    }
  }

  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  private interface ThrowingFunction<I, T> {
    T apply(I input) throws Exception;
  }

  /** An answer that breaks the spec; the message says how. */
  private static final class ConformanceFailure extends RuntimeException {
    ConformanceFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** Where the TSP is and the keys the kit uses. */
  public static final class Builder {
    private final String baseUrl;
    private KeyStore clientKeys;
    private char[] clientKeysPassword;
    private List<X509Certificate> trusted;
    private X509Certificate cardInfoCertificate;
    private JWKSet requestorKeys;
    private String issuerId = "ISSUER0001";
    private String tokenRequestorId = "40010030273";

    private Builder(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /**
     * Mutual TLS.
     *
     * @param clientKeys the client certificate (with its chain) and key to present
     * @param password the key's password
     * @param trustedCertificates the CAs or certificates to trust for the TSP's server certificate
     * @return this builder
     */
    public Builder tls(KeyStore clientKeys, char[] password, Collection<X509Certificate> trustedCertificates) {
      this.clientKeys = Objects.requireNonNull(clientKeys, "clientKeys");
      this.clientKeysPassword = Objects.requireNonNull(password, "password").clone();
      this.trusted = List.copyOf(Objects.requireNonNull(trustedCertificates, "trustedCertificates"));
      return this;
    }

    /**
     * @param certificate the TSP's card-info certificate: card info is sealed to it
     * @return this builder
     */
    public Builder cardInfoCertificate(X509Certificate certificate) {
      this.cardInfoCertificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * @param keys the requestor's private EC key set: the TSP seals {@code encryptedData} to its public key
     * @return this builder
     */
    public Builder requestorKeys(JWKSet keys) {
      this.requestorKeys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * @param issuerId the issuer the TSP knows (10 characters; default {@code ISSUER0001})
     * @return this builder
     */
    public Builder issuerId(String issuerId) {
      this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
      return this;
    }

    /**
     * @param tokenRequestorId the token requestor id to use (11 digits; default {@code 40010030273})
     * @return this builder
     */
    public Builder tokenRequestorId(String tokenRequestorId) {
      this.tokenRequestorId = Objects.requireNonNull(tokenRequestorId, "tokenRequestorId");
      return this;
    }

    /** @return the kit */
    public TspConformanceKit build() {
      Objects.requireNonNull(cardInfoCertificate, "cardInfoCertificate");
      Objects.requireNonNull(requestorKeys, "requestorKeys");
      return new TspConformanceKit(this);
    }

    private ClientConfig.Builder clientConfig() {
      ClientConfig.Builder config = ClientConfig.builder(baseUrl);
      return clientKeys == null ? config
          : config.clientCertificate(clientKeys, clientKeysPassword.clone()).trustedCertificates(trusted);
    }

    /** The same TLS material for the raw client that sends what the SDK's client refuses to send. */
    private HandshakeCertificates handshakeCertificates() {
      try {
        HandshakeCertificates.Builder tls = new HandshakeCertificates.Builder();
        String alias = clientKeys.aliases().nextElement();
        Certificate[] chain = clientKeys.getCertificateChain(alias);
        X509Certificate[] intermediates = new X509Certificate[chain.length - 1];
        for (int i = 1; i < chain.length; i++) {
          intermediates[i - 1] = (X509Certificate) chain[i];
        }
        PrivateKey key = (PrivateKey) clientKeys.getKey(alias, clientKeysPassword);
        X509Certificate leaf = (X509Certificate) chain[0];
        tls.heldCertificate(new HeldCertificate(new KeyPair(leaf.getPublicKey(), key), leaf),
            intermediates);
        trusted.forEach(tls::addTrustedCertificate);
        return tls.build();
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot read the client key store", e);
      }
    }
  }
}
