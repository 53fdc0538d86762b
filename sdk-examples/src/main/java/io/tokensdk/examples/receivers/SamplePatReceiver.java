package io.tokensdk.examples.receivers;

import com.nimbusds.jose.jwk.JWKSet;
import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.InvalidPayloadException;
import io.tokensdk.crypto.PanMask;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.server.PatErrorException;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.pat.PatNotificationHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sample bank receiving Visa PAT notifications. It opens {@code encryptedRealAccountNumber} (JWE RSA-OAEP-256) with its
 * private key, links the token to the account, and keeps only the masked account number. Thread-safe.
 */
public final class SamplePatReceiver extends PatNotificationHandler {
  private final JweOpener accountNumberOpener;
  private final Map<String, ProvisionedToken> tokens = new ConcurrentHashMap<>();

  /** What the bank keeps of a provisioned token: never the full account number. */
  public record ProvisionedToken(String tokenReferenceId, String maskedAccountNumber, String state) {}

  /** A receiver opening account numbers with the bank's private RSA JWK set. */
  public SamplePatReceiver(JWKSet bankKeys) {
    this.accountNumberOpener = JweOpener.rsaOaep256(bankKeys);
  }

  @Override
  public NotificationResponse notifyTokenProvisioned(TokenProvisionedNotification body, RequestContext context) {
    String masked;
    try {
      masked = PanMask.mask(accountNumberOpener.open(body.getEncryptedRealAccountNumber(), AccountNumber.TYPE).value());
    } catch (EnvelopeOpenException | InvalidPayloadException e) {
      throw new PatErrorException(StatusCode._1301, "Invalid request. encryptedRealAccountNumber could not be opened.");
    }
    String ref = body.getToken().getTokenReferenceId();
    tokens.put(ref, new ProvisionedToken(ref, masked, body.getTokenStateAsString()));
    return new NotificationResponse();
  }

  @Override
  public NotificationResponse notifyTokenStateChanged(TokenStateChangedNotification body, RequestContext context) {
    String ref = body.getToken().getTokenReferenceId();
    tokens.compute(ref, (key, kept) -> new ProvisionedToken(ref, kept == null ? null : kept.maskedAccountNumber(),
        body.getTokenStateAsString()));
    return new NotificationResponse().stateChangeReasonCode(body.getStateChangeReasonCode());
  }

  /** The provisioned token {@code tokenReferenceId}, if notified. */
  public Optional<ProvisionedToken> token(String tokenReferenceId) {
    return Optional.ofNullable(tokens.get(tokenReferenceId));
  }
}
