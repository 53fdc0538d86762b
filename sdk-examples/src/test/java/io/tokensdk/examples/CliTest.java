package io.tokensdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.examples.keys.DemoKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator commands on their documented examples, in-process, and one interop check through openssl. */
class CliTest {
  private static final String CARD = "{\"fpan\":\"4111111111111111\",\"exp\":\"1228\"}";
  @TempDir
  static Path dir;
  static DemoKeys keys;
  static Path cert;
  static Path key;
  static Path requestorPublic;
  static Path requestorSet;
  static Path bankPublic;
  static Path bankSet;

  @BeforeAll
  static void writeKeys() throws IOException {
    keys = DemoKeys.generate();
    cert = Files.writeString(dir.resolve("card-cert.pem"), keys.cardInfo().certificatePem());
    key = Files.writeString(dir.resolve("card.key"), keys.cardInfo().privateKeyPkcs8Pem());
    requestorPublic = Files.writeString(dir.resolve("req.jwk"), keys.requestor().toPublicJWK().toJSONString());
    requestorSet = Files.writeString(dir.resolve("req.jwks"), "{\"keys\":[" + keys.requestor().toJSONString() + "]}");
    bankPublic = Files.writeString(dir.resolve("bank.jwk"), keys.bank().toPublicJWK().toJSONString());
    bankSet = Files.writeString(dir.resolve("bank.jwks"), "{\"keys\":[" + keys.bank().toJSONString() + "]}");
  }

  @Test
  void sealThenOpenCardInfo() {
    for (String padding : new String[] {"oaep", "pkcs1"}) {
      Cli sealed = Cli.run(CARD, "seal-card", "--cert", cert.toString(), "--padding", padding);
      assertEquals(0, sealed.exitCode(), sealed.err());
      assertFalse(sealed.out().contains("4111"));
      Cli opened = Cli.run(sealed.out(), "open-card", "--key", key.toString(), "--padding", padding);
      assertEquals(0, opened.exitCode(), opened.err());
      assertEquals(JsonParser.parseString(CARD), JsonParser.parseString(opened.out()));
    }
  }

  @Test
  void openingWithTheWrongPaddingFailsWithTheGenericMessage() {
    Cli sealed = Cli.run(CARD, "seal-card", "--cert", cert.toString(), "--padding", "pkcs1");
    Cli opened = Cli.run(sealed.out(), "open-card", "--key", key.toString(), "--padding", "oaep");
    assertEquals(1, opened.exitCode());
    assertEquals("error: envelope could not be opened", opened.err().trim());
  }

  @Test
  void inspectDescribesACmsEnvelopeWithoutAKey() {
    Cli sealed = Cli.run(CARD, "seal-card", "--cert", cert.toString());
    Cli inspected = Cli.run(sealed.out(), "inspect");
    assertEquals(0, inspected.exitCode(), inspected.err());
    JsonObject json = JsonParser.parseString(inspected.out()).getAsJsonObject();
    assertEquals("CMS EnvelopedData", json.get("format").getAsString());
    assertTrue(json.get("contentEncryption").getAsString().startsWith("AES-256-CBC"));
    JsonObject recipient = json.getAsJsonArray("recipients").get(0).getAsJsonObject();
    assertEquals(keys.cardInfo().certificate().getSerialNumber().toString(16), recipient.get("serial").getAsString());
    assertTrue(recipient.get("keyTransport").getAsString().matches("id-RSAES-OAEP .*hash SHA-256.*MGF1 SHA-256.*"), inspected.out());
    assertFalse(inspected.out().contains("4111"));
  }

  @Test
  void sealOpenAndInspectJwe() {
    String plaintext = "{\"dpan\":\"4895370012345678\",\"exp\":\"1229\"}";
    Cli sealed = Cli.run(plaintext, "seal-jwe", "--jwk", requestorPublic.toString());
    assertEquals(0, sealed.exitCode(), sealed.err());
    Cli inspected = Cli.run(sealed.out(), "inspect");
    JsonObject json = JsonParser.parseString(inspected.out()).getAsJsonObject();
    assertEquals("ECDH-ES", json.get("alg").getAsString());
    assertEquals("A256GCM", json.get("enc").getAsString());
    assertEquals(keys.requestor().getKeyID(), json.get("kid").getAsString());
    assertFalse(inspected.out().contains("4895370012345678"));
    assertEquals(plaintext, Cli.run(sealed.out(), "open-jwe", "--jwks", requestorSet.toString()).out().trim());

    Cli account = Cli.run("4111111111111111", "seal-jwe", "--jwk", bankPublic.toString());
    assertEquals("4111111111111111", Cli.run(account.out(), "open-jwe", "--jwks", bankSet.toString()).out().trim());
  }

  @Test
  void kcvFromStdinOrOptionNeverEchoesTheKey() {
    // AES-128 key of all zeros: AES-ECB(0^16) of the zero block starts 66E94B
    Cli fromStdin = Cli.run("00000000000000000000000000000000", "kcv");
    assertEquals("66E94B", fromStdin.out().trim());
    assertEquals("66E94B", Cli.run("", "kcv", "--key", "00000000000000000000000000000000").out().trim());
    Cli bad = Cli.run("zz-secret-zz", "kcv");
    assertEquals(1, bad.exitCode());
    assertFalse(bad.err().contains("secret"), bad.err());
  }

  @Test
  void badInputIsAClearErrorWithoutEcho() {
    Cli notJson = Cli.run("4111111111111111 not json", "seal-card", "--cert", cert.toString());
    assertEquals(1, notJson.exitCode());
    assertFalse(notJson.err().contains("4111"), notJson.err());
    Cli garbage = Cli.run("!!!", "inspect");
    assertEquals(1, garbage.exitCode());
    assertTrue(garbage.err().startsWith("error: "), garbage.err());
    assertEquals(1, Cli.run("", "inspect").exitCode());
  }

  @Test
  void opensslDecryptsWhatTheCliSealed() throws Exception {
    Cli sealed = Cli.run(CARD, "seal-card", "--cert", cert.toString());
    Path der = Files.write(dir.resolve("card.der"), Base64.getMimeDecoder().decode(sealed.out().trim()));
    Process openssl = new ProcessBuilder("openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in",
        der.toString(), "-inkey", key.toString(), "-recip", cert.toString()).redirectErrorStream(true).start();
    assertTrue(openssl.waitFor(30, TimeUnit.SECONDS));
    String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, openssl.exitValue(), output);
    assertEquals(JsonParser.parseString(CARD), JsonParser.parseString(output));
  }
}
