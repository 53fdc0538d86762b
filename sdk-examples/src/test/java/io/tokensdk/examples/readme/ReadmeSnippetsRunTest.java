package io.tokensdk.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.keys.KeyFiles;
import io.tokensdk.examples.servers.SampleServers;
import io.tokensdk.model.tsp.CciState;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.server.jetty.TokenSdkServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's snippets over real HTTPS with mutual TLS: the clients against the samples and against the servers. */
class ReadmeSnippetsRunTest {
  private final DemoKeys keys = DemoKeys.generate();

  @Test
  void theClientSnippetsDriveTheSampleServers(@TempDir Path dir) {
    KeyFiles.write(keys, dir);
    try (SampleServers servers = SampleServers.startLocal(keys)) {
      TshQuickStart.main(new String[] {servers.tspUrl(), dir.toString()});
      assertEquals(CciState.SUSPENDED, tspClient(servers.tspUrl()).listTokens(new ListTokensReq()
          .issuerId("ISSUER0001").cardRefId("card-ref-1")).getTokenList().get(0).getState());

      CofSenderQuickStart.main(new String[] {servers.cofUrl(), dir.toString()});
      assertEquals(1, servers.cof().handledCount());

      PatSenderQuickStart.main(new String[] {servers.patUrl(), dir.toString()});
      assertEquals("411111******1111",
          servers.pat().token("DNITHE302019110000000001").orElseThrow().maskedAccountNumber());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theServerSnippetsAnswerTheClientSnippets(@TempDir Path dir) throws Exception {
    KeyFiles.write(keys, dir);
    writeServerFiles(dir);

    TokenSdkServer tsp = MyTsp.serve(dir, 0);
    MyMerchant merchant = new MyMerchant();
    TokenSdkServer cof = MyMerchant.serve(merchant, dir, 0);
    MyBank bank = new MyBank(dir);
    TokenSdkServer pat = MyBank.serve(bank, dir, 0);
    try {
      TshQuickStart.main(new String[] {"https://localhost:" + tsp.port() + "/tsp/trapi/v1.0", dir.toString()});

      CofSenderQuickStart.main(new String[] {"https://localhost:" + cof.port() + "/tsh-cof", dir.toString()});
      assertEquals("ACTIVE", merchant.bindingState("tok-1"));

      PatSenderQuickStart.main(new String[] {"https://localhost:" + pat.port() + "/pat", dir.toString()});
      assertEquals("411111******1111", bank.maskedAccount("DNITHE302019110000000001"));
    } finally {
      tsp.stop();
      cof.stop();
      pat.stop();
    }
  }

  private TspClient tspClient(String url) {
    return new TspClient(ClientConfig.builder(url).clientCertificate(keys.clientKeyStore(), keys.clientKeyStorePassword())
        .trustedCertificates(java.util.List.of(keys.tlsCa().certificate())).build());
  }

  /** What the server snippets read: their TLS identity, the clients' CA, and the TSP's and bank's private keys. */
  private void writeServerFiles(Path dir) throws IOException {
    Files.writeString(dir.resolve("server.pem"), keys.tlsServer().certificatePem() + keys.tlsCa().certificatePem());
    Files.writeString(dir.resolve("server.key"), keys.tlsServer().privateKeyPkcs8Pem());
    Files.writeString(dir.resolve("clients-ca.pem"), keys.tlsCa().certificatePem());
    Files.writeString(dir.resolve("card-info.key"), keys.cardInfo().privateKeyPkcs8Pem());
    Files.writeString(dir.resolve("card-info-cert.pem"), keys.cardInfo().certificatePem());
    Files.writeString(dir.resolve("requestor.public.jwk.json"), keys.requestor().toPublicJWK().toJSONString());
    Files.writeString(dir.resolve("bank.jwks.json"), new JWKSet(keys.bank()).toString(false));
  }
}
