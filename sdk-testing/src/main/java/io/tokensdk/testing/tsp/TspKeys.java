package io.tokensdk.testing.tsp;

import com.nimbusds.jose.jwk.ECKey;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.crypto.SecretKey;

/**
 * The keys of the sample TSP.
 *
 * @param cardInfoKey RSA private key that opens {@code cipheredCardInfo} (its certificate went to the TSH)
 * @param cardInfoCertificate the certificate of {@code cardInfoKey}: the opener takes only the recipient it names
 * @param credentialsRecipient the token requestor's EC P-256 public JWK: {@code encryptedData} is sealed to it
 * @param signingKey the TSP's EC P-256 private JWK that signs JWE payment credentials
 * @param kek the AES key encryption key of RAW payment credentials
 * @param kekLabel the label of {@code kek}, sent as {@code keyId} / {@code kekLabel}
 */
public record TspKeys(PrivateKey cardInfoKey, X509Certificate cardInfoCertificate, ECKey credentialsRecipient, ECKey signingKey, SecretKey kek,
    String kekLabel) {
  @Override
  public String toString() {
    return "TspKeys{redacted, kekLabel=" + kekLabel + "}";
  }
}
