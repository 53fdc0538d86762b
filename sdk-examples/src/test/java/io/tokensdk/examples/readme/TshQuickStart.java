package io.tokensdk.examples.readme;

import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.keys.CertificateLoader;
import io.tokensdk.crypto.keys.JwkLoader;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.InitialState;
import io.tokensdk.model.tsp.State;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import java.nio.file.Path;

/** Calls a TSP: seals card info, creates a token, opens the returned JWE, suspends the token. */
public final class TshQuickStart {
  public static void main(String[] args) {
    String tspUrl = args.length > 0 ? args[0] : "https://localhost:8443/tsp/trapi/v1.0";
    Path keys = Path.of(args.length > 1 ? args[1] : "peer-files");   // the layout `serve --out peer-files` writes

    ClientConfig config = ClientConfig.builder(tspUrl)
        .clientCertificatePem(keys.resolve("tls-client.pem"), keys.resolve("tls-client.key"))   // mutual TLS
        .trustedCertificatesPem(keys.resolve("tls-ca.pem"))
        .build();
    try (TspClient tsp = new TspClient(config)) {                      // close() releases its connections
      // cipheredCardInfo: CMS enveloped data sealed to the TSP's card-info certificate
      CmsEnvelopeSealer cards = CmsEnvelopeSealer.forRecipient(
          CertificateLoader.load(keys.resolve("card-info-cert.pem")), CmsKeyTransport.RSA_OAEP_SHA256);
      String sealedCardInfo = cards.seal(CardInfo.builder().fpan("4111111111111111").exp("1228").cvv("123").build());

      CreateTokenRes created = tsp.createToken(new CreateTokenReq()
          .issuerId("ISSUER0001").cardRefId("card-ref-1").tokenRequestorId("40010030273")
          .cipheredCardInfo(sealedCardInfo).initialState(InitialState.ACTIVE));

      // tokenInfo.encryptedData: a JWE (ECDH-ES, A256GCM) sealed to the token requestor's EC key
      JWKSet requestorKeys = JwkLoader.loadSet(keys.resolve("requestor.jwks.json"));
      TokenData token = JweOpener.ecdhEs(requestorKeys)
          .open(created.getTokenInfo().getEncryptedData(), TokenData.TYPE);
      System.out.println("token " + created.getTokenId() + " last4 " + created.getTokenInfo().getLast4()
          + " exp " + token.exp());                                    // never print token.dpan() in full

      tsp.updateTokenState(created.getTokenId(),
          new UpdateTokenStateReq().issuerId("ISSUER0001").newState(State.SUSPENDED));
    }
  }
}
