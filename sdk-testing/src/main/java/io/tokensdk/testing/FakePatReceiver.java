package io.tokensdk.testing;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.PanMask;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.payload.AccountNumber;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.PatErrorException;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.pat.PatNotificationHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake bank receiving Visa PAT notifications: it opens {@code encryptedRealAccountNumber} with
 * {@link TestKeys#bank()} (an envelope it cannot open is answered 1301), dedupes redeliveries by messageId, and answers
 * statusCode 0000. Seal account numbers with {@link SealedFixtures#accountNumber()}.
 */
public final class FakePatReceiver extends FakeApi {
  /**
   * Starts a fake PAT receiver on a free loopback port.
   *
   * @param keys the throwaway keys (the bank's key among them)
   * @param tls whether to serve TLS with a required client certificate
   */
  public FakePatReceiver(TestKeys keys, boolean tls) {
    super(keys, tls, () -> new Bank(JweOpener.rsaOaep256(keys.bankKeys())), MountOptions.defaults());
  }

  /**
   * The account number of a provisioned token, masked.
   *
   * @param tokenReferenceId the token's reference id
   * @return the masked account number (e.g. {@code 411111******1111}), if the token was provisioned
   */
  public Optional<String> maskedAccountNumber(String tokenReferenceId) {
    return Optional.ofNullable(((Bank) handler()).accounts.get(tokenReferenceId));
  }

  /** Opens the account numbers and keeps them masked. */
  private static final class Bank extends PatNotificationHandler {
    private final JweOpener opener;
    private final Map<String, String> accounts = new ConcurrentHashMap<>();

    Bank(JweOpener opener) {
      this.opener = opener;
    }

    @Override
    public NotificationResponse notifyTokenProvisioned(TokenProvisionedNotification notification,
        RequestContext context) {
      AccountNumber account;
      try {
        account = opener.open(notification.getEncryptedRealAccountNumber(), AccountNumber.TYPE);
      } catch (EnvelopeOpenException e) {
        throw new PatErrorException(StatusCode._1301, "encryptedRealAccountNumber cannot be opened");
      }
      accounts.put(notification.getToken().getTokenReferenceId(), PanMask.mask(account.value()));
      return new NotificationResponse();
    }

    @Override
    public NotificationResponse notifyTokenStateChanged(TokenStateChangedNotification notification,
        RequestContext context) {
      return new NotificationResponse();
    }
  }
}
