package io.tokensdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tokensdk.crypto.jwe.SignedJweSealer;
import io.tokensdk.examples.keys.DemoKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
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
      Cli opened = Cli.run(sealed.out(), "open-card", "--key", key.toString(), "--cert", cert.toString(),
          "--padding", padding);
      assertEquals(0, opened.exitCode(), opened.err());
      assertEquals(JsonParser.parseString(CARD), JsonParser.parseString(opened.out()));
    }
  }

  @Test
  void openingWithTheWrongPaddingFailsWithTheGenericMessage() {
    Cli sealed = Cli.run(CARD, "seal-card", "--cert", cert.toString(), "--padding", "pkcs1");
    Cli opened = Cli.run(sealed.out(), "open-card", "--key", key.toString(), "--cert", cert.toString(),
        "--padding", "oaep");
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
    String plaintext = "{\"dpan\":\"4895370012345671\",\"exp\":\"1229\"}";
    Cli sealed = Cli.run(plaintext, "seal-jwe", "--jwk", requestorPublic.toString());
    assertEquals(0, sealed.exitCode(), sealed.err());
    Cli inspected = Cli.run(sealed.out(), "inspect");
    JsonObject json = JsonParser.parseString(inspected.out()).getAsJsonObject();
    assertEquals("ECDH-ES", json.get("alg").getAsString());
    assertEquals("A256GCM", json.get("enc").getAsString());
    assertEquals(keys.requestor().getKeyID(), json.get("kid").getAsString());
    assertFalse(inspected.out().contains("4895370012345671"));
    assertEquals(plaintext, Cli.run(sealed.out(), "open-jwe", "--jwks", requestorSet.toString()).out().trim());

    Cli account = Cli.run("4111111111111111", "seal-jwe", "--jwk", bankPublic.toString());
    assertEquals("4111111111111111", Cli.run(account.out(), "open-jwe", "--jwks", bankSet.toString(),
        "--payload", "account-number").out().trim());
  }

  @Test
  void theOpenerComesFromTheFlagsAndEveryFailureIsOneLineAndExitOne() throws Exception {
    String plain = Cli.run("{\"dpan\":\"4895370012345671\",\"exp\":\"1229\"}", "seal-jwe", "--jwk",
        requestorPublic.toString()).out().trim();
    Path signers = Files.writeString(dir.resolve("signers.jwks"),
        "{\"keys\":[" + keys.tspSigner().toPublicJWK().toJSONString() + "]}");
    String kid = keys.requestor().getKeyID();
    String[] parts = plain.split("\\.", -1);
    String tail = "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4];
    List<Cli> failures = List.of(
        // no cty: without the signature check it would open; --signers demands the signature
        Cli.run(plain, "open-jwe", "--jwks", requestorSet.toString(), "--signers", signers.toString()),
        Cli.run(header("{\"alg\":\"ECDH-ES\",\"kid\":\"" + kid + "\"}") + tail, "open-jwe", "--jwks",
            requestorSet.toString()),
        Cli.run(header("{\"alg\":\"ECDH-ES\",\"kid\":\"" + kid + "\"}") + tail, "open-jwe", "--jwks",
            requestorSet.toString(), "--signers", signers.toString()),
        Cli.run(header("{\"alg\":\"none\"}") + tail, "open-jwe", "--jwks", requestorSet.toString()),
        Cli.run(header("{\"alg\":\"none\"}") + ".." + parts[4].substring(0, 4), "open-jwe", "--jwks",
            requestorSet.toString(), "--signers", signers.toString()),
        // an RSA-OAEP-256 envelope where the operator expects token data (ECDH-ES)
        Cli.run(Cli.run("4111111111111111", "seal-jwe", "--jwk", bankPublic.toString()).out(), "open-jwe",
            "--jwks", requestorSet.toString()),
        // a payload that is not the expected one
        Cli.run(plain, "open-jwe", "--jwks", requestorSet.toString(), "--payload", "token-credentials"),
        Cli.run("not a jwe", "open-jwe", "--jwks", requestorSet.toString()));
    for (Cli failure : failures) {
      assertEquals(1, failure.exitCode(), failure.err());
      assertEquals("error: envelope could not be opened\n", failure.err().replace("\r\n", "\n"));
      assertEquals("", failure.out());
    }

    String signed = SignedJweSealer.of(keys.tspSigner(), keys.requestor().toPublicJWK())
        .seal(new byte[] {1, 2, 3, (byte) 0xfe});
    Cli opened = Cli.run(signed, "open-jwe", "--jwks", requestorSet.toString(), "--signers", signers.toString());
    assertEquals(0, opened.exitCode(), opened.err());
    assertEquals("010203FE", opened.out().trim());
    Cli unsignedOpener = Cli.run(signed, "open-jwe", "--jwks", requestorSet.toString());
    assertEquals("error: envelope could not be opened", unsignedOpener.err().trim());
  }

  @Test
  void tamperedCardEnvelopesNeverPrintOtherCardData() {
    String card = "{\"fpan\":\"5204731234564790\",\"exp\":\"1228\",\"cvv\":\"123\"}";
    // The content encryption's IV and the ciphertext: the bytes CBC cannot protect. (sdk-crypto's tamper test flips
    // every byte of the envelope through the library.)
    for (String padding : new String[] {"oaep", "pkcs1"}) {
      byte[] der = Base64.getMimeDecoder().decode(
          Cli.run(card, "seal-card", "--cert", cert.toString(), "--padding", padding).out().trim());
      for (int i = der.length - 96; i < der.length; i++) {
        byte[] tampered = der.clone();
        tampered[i] ^= 0x01;
        Cli opened = Cli.run(Base64.getEncoder().encodeToString(tampered), "open-card", "--key", key.toString(),
            "--cert", cert.toString());
        if (opened.exitCode() == 0) {
          assertEquals(JsonParser.parseString(card), JsonParser.parseString(opened.out()), "byte " + i);
        } else {
          assertEquals(1, opened.exitCode());
          assertEquals("error: envelope could not be opened\n", opened.err().replace("\r\n", "\n"), "byte " + i);
          assertEquals("", opened.out());
        }
      }
    }
  }

  @Test
  void encryptedKeysBundlesAndPasswordFiles() throws Exception {
    Path encrypted = dir.resolve("card.enc.key");
    openssl("pkcs8", "-topk8", "-in", key.toString(), "-v2", "aes-256-cbc", "-passout", "pass:test-only-pw",
        "-out", encrypted.toString());
    Path passwordFile = Files.writeString(dir.resolve("pw.txt"), "test-only-pw\n");
    Path bundle = Files.writeString(dir.resolve("card.bundle.pem"), Files.readString(cert) + Files.readString(encrypted));
    String sealed = Cli.run(CARD, "seal-card", "--cert", cert.toString()).out();

    Cli withPassword = Cli.run(sealed, "open-card", "--key", bundle.toString(), "--key-password-file",
        passwordFile.toString());
    assertEquals(0, withPassword.exitCode(), withPassword.err());
    assertEquals(JsonParser.parseString(CARD), JsonParser.parseString(withPassword.out()));
    Cli withoutPassword = Cli.run(sealed, "open-card", "--key", bundle.toString());
    assertEquals(1, withoutPassword.exitCode());
    assertEquals("error: the private key is encrypted and no password was given", withoutPassword.err().trim());
    Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not-it\n");
    Cli wrongPassword = Cli.run(sealed, "open-card", "--key", encrypted.toString(), "--cert", cert.toString(),
        "--key-password-file", wrong.toString());
    assertEquals(1, wrongPassword.exitCode());
    assertTrue(wrongPassword.err().startsWith("error: the encrypted private key could not be decrypted"),
        wrongPassword.err());
    assertFalse(wrongPassword.err().contains("not-it"));
    Cli noCertificate = Cli.run(sealed, "open-card", "--key", key.toString());
    assertEquals(1, noCertificate.exitCode());
    assertTrue(noCertificate.err().startsWith("error: expected a certificate"), noCertificate.err());
  }

  private static String header(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl timed out");
    assertEquals(0, process.exitValue(), output);
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
