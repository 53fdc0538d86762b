package io.tokensdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.client.tsp.TspClient;
import io.tokensdk.crypto.keys.CertificateLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client TLS material written by openssl in each format the key loaders read, used for real mutual TLS against a
 * server that requires a client certificate. openssl is required: a missing binary fails the test.
 */
@ExtendWith(SecretLog.class)
class TlsMaterialTest {
  private static final String PASSWORD = "test-only-pass";

  @TempDir
  static Path dir;
  static Path clientCa;
  static Path serverTrust;
  static HeldCertificate serverCa;
  private MockWebServer server;

  @BeforeAll
  static void writeMaterial() throws Exception {
    clientCa = dir.resolve("client-ca.pem");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=client ca", "-days", "2",
        "-keyout", dir.resolve("client-ca.key").toString(), "-out", clientCa.toString());
    serverCa = new HeldCertificate.Builder().certificateAuthority(0).build();
    Path serverCaPem = Files.writeString(dir.resolve("server-ca.pem"), serverCa.certificatePem());
    serverTrust = dir.resolve("server-ca.trusted.pem");
    // TRUSTED CERTIFICATE, as openssl writes it with trust settings
    openssl("x509", "-in", serverCaPem.toString(), "-addtrust", "serverAuth", "-trustout", "-out", serverTrust.toString());
    assertTrue(Files.readString(serverTrust).contains("BEGIN TRUSTED CERTIFICATE"));
  }

  @BeforeEach
  void start() throws IOException {
    HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(serverCa).addSubjectAlternativeName("localhost")
        .build();
    server = new MockWebServer();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(serverCert)
        .addTrustedCertificate(CertificateLoader.load(clientCa)).build().sslSocketFactory(), false);
    server.requireClientAuth();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void rsaPkcs1Key() throws Exception {
    Path key = dir.resolve("pkcs1.key");
    openssl("genrsa", "-traditional", "-out", key.toString(), "2048");
    assertTrue(Files.readString(key).contains("BEGIN RSA PRIVATE KEY"));
    assertMutualTls(certificateFor(key, "pkcs1"), key, null, "pkcs1");
  }

  @Test
  void encryptedPkcs8Key() throws Exception {
    Path plain = dir.resolve("plain.key");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", plain.toString());
    Path key = dir.resolve("encrypted.key");
    openssl("pkcs8", "-topk8", "-in", plain.toString(), "-v2", "aes-256-cbc", "-passout", "pass:" + PASSWORD,
        "-out", key.toString());
    assertTrue(Files.readString(key).contains("BEGIN ENCRYPTED PRIVATE KEY"));
    assertMutualTls(certificateFor(plain, "encrypted"), key, PASSWORD.toCharArray(), "encrypted");
  }

  @Test
  void ecSec1KeyAfterItsParameters() throws Exception {
    Path key = dir.resolve("ec.key");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", key.toString());
    String text = Files.readString(key);
    assertTrue(text.indexOf("BEGIN EC PARAMETERS") < text.indexOf("BEGIN EC PRIVATE KEY"), text.substring(0, 40));
    assertMutualTls(certificateFor(key, "sec1"), key, null, "sec1");
  }

  @Test
  void certificateAndKeyInOneFile() throws Exception {
    Path key = dir.resolve("bundle.key");
    openssl("genrsa", "-out", key.toString(), "2048");
    Path bundle = Files.writeString(dir.resolve("bundle.pem"),
        Files.readString(certificateFor(key, "bundle")) + Files.readString(key));
    assertMutualTls(bundle, bundle, null, "bundle");
  }

  @Test
  void problemsAreClearErrorsThatShowNoKey() throws Exception {
    Path key = dir.resolve("other.key");
    openssl("genrsa", "-out", key.toString(), "2048");
    Path certificate = certificateFor(key, "other");
    Path wrongKey = dir.resolve("wrong.key");
    openssl("genrsa", "-out", wrongKey.toString(), "2048");
    String keyText = Files.readString(key);

    List<IllegalArgumentException> failures = new ArrayList<>();
    failures.add(assertThrows(IllegalArgumentException.class,
        () -> ClientConfig.builder("https://x.invalid/").clientCertificatePem(certificate, certificate)));
    assertTrue(failures.get(0).getMessage().contains("expected a private key but the PEM file holds a certificate"),
        failures.get(0).getMessage());
    failures.add(assertThrows(IllegalArgumentException.class,
        () -> ClientConfig.builder("https://x.invalid/").clientCertificatePem(certificate, wrongKey)));
    assertTrue(failures.get(1).getMessage().contains("does not belong to the first certificate"),
        failures.get(1).getMessage());
    failures.add(assertThrows(IllegalArgumentException.class,
        () -> ClientConfig.builder("https://x.invalid/").clientCertificatePem(key, key)));
    assertTrue(failures.get(2).getMessage().contains("expected a certificate"), failures.get(2).getMessage());
    for (IllegalArgumentException failure : failures) {
      for (String line : keyText.split("\n")) {
        if (!line.startsWith("-----")) {
          assertFalse(failure.getMessage().contains(line.substring(0, Math.min(16, line.length()))));
        }
      }
    }
  }

  private void assertMutualTls(Path chain, Path key, char[] password, String name) throws Exception {
    server.enqueue(new MockResponse().setResponseCode(204));
    TspClient tsp = new TspClient(ClientConfig.builder(server.url("/tsp/trapi/v1.0").toString())
        .clientCertificatePem(chain, key, password).trustedCertificatesPem(serverTrust)
        .httpLog(SecretLog.sink()).build());
    tsp.healthCheck();
    assertEquals("CN=" + name, server.takeRequest(10, TimeUnit.SECONDS).getHandshake().peerPrincipal().getName());
  }

  /** A certificate for the key, issued by the client CA: leaf then CA, as a chain file. */
  private static Path certificateFor(Path key, String name) throws Exception {
    Path csr = dir.resolve(name + ".csr");
    openssl("req", "-new", "-key", key.toString(), "-subj", "/CN=" + name, "-out", csr.toString());
    Path leaf = dir.resolve(name + ".crt");
    openssl("x509", "-req", "-in", csr.toString(), "-CA", clientCa.toString(), "-CAkey",
        dir.resolve("client-ca.key").toString(), "-set_serial", String.valueOf(Math.abs(name.hashCode())),
        "-days", "2", "-out", leaf.toString());
    return Files.writeString(dir.resolve(name + ".chain.pem"), Files.readString(leaf) + Files.readString(clientCa));
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "openssl timed out: " + command);
    assertEquals(0, process.exitValue(), command + "\n" + output.toString(StandardCharsets.UTF_8));
  }
}
