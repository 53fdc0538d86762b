package io.tokensdk.examples.demo;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.tokensdk.client.ClientConfig;
import io.tokensdk.client.RetryPolicy;
import io.tokensdk.examples.keys.DemoKeys;
import io.tokensdk.examples.servers.SampleServers;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;

/**
 * What the demo talks to and the keys it needs: the three base URLs, the client-side TLS and API key, the TSP's
 * card-info certificate, the token requestor's keys, the bank's public key, and, when the servers are the local samples,
 * the samples themselves (so the demo can inject a fault and look at what the receivers kept).
 *
 * @param tspUrl the TSP base URL (spec base path included)
 * @param cofUrl the COF receiver base URL
 * @param patUrl the PAT receiver base URL
 * @param tls applies client certificate and trust to the configuration of a remote server's client
 * @param apiKey the COF API key of a remote COF receiver
 * @param cardInfoCert the TSP's card-info certificate
 * @param requestorKeys the token requestor's private EC JWK set
 * @param tspSigners the TSP's public signing JWK set, or null when unknown (signed JWE credentials are then not opened)
 * @param bankPublicKey the bank's public RSA JWK
 * @param kek the KEK of RAW credentials, or null when unknown (RAW credentials are then not opened)
 * @param local the local sample servers, or null
 */
public record DemoEnvironment(String tspUrl, String cofUrl, String patUrl, UnaryOperator<ClientConfig.Builder> tls,
    String apiKey, X509Certificate cardInfoCert, JWKSet requestorKeys, JWKSet tspSigners, RSAKey bankPublicKey,
    SecretKey kek, SampleServers local) {

  /** Everything local: the sample servers started with {@code keys}. */
  public static DemoEnvironment local(DemoKeys keys, SampleServers servers) {
    return new DemoEnvironment(servers.tspUrl(), servers.cofUrl(), servers.patUrl(), mutualTls(keys), null, keys.cardInfo().certificate(), new JWKSet(keys.requestor()),
        new JWKSet(keys.tspSigner().toPublicJWK()), keys.bank().toPublicJWK(), keys.kek(), servers);
  }

  /** The client side of mutual TLS with the throwaway demo certificates. */
  public static UnaryOperator<ClientConfig.Builder> mutualTls(DemoKeys keys) {
    return builder -> builder.clientCertificate(keys.clientKeyStore(), keys.clientKeyStorePassword())
        .trustedCertificates(List.of(keys.tlsCa().certificate()));
  }

  /**
   * A client configuration for {@code baseUrl}: TLS and API key (the local samples' own for a local URL), short retries
   * so the demo stays quick.
   */
  public ClientConfig config(String baseUrl) {
    boolean isLocal = local != null && local.serves(baseUrl);
    String key = isLocal ? local.keys().apiKey() : apiKey;
    ClientConfig.Builder builder = ClientConfig.builder(baseUrl)
        .retryPolicy(RetryPolicy.of(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
        .callDeadline(Duration.ofSeconds(30));
    if (key != null) {
      builder.apiKey(key);
    }
    return (isLocal ? mutualTls(local.keys()) : tls).apply(builder).build();
  }

  /** True when the TSP is the local sample (fault injection possible). */
  public boolean localTsp() {
    return local != null && tspUrl.equals(local.tspUrl());
  }

  /** True when the COF receiver is the local sample. */
  public boolean localCof() {
    return local != null && cofUrl.equals(local.cofUrl());
  }

  /** True when the PAT receiver is the local sample. */
  public boolean localPat() {
    return local != null && patUrl.equals(local.patUrl());
  }

  @Override
  public String toString() {
    return "DemoEnvironment{tsp=" + tspUrl + ", cof=" + cofUrl + ", pat=" + patUrl + ", keys redacted}";
  }
}
