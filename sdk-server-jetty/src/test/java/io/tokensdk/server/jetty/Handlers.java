package io.tokensdk.server.jetty;

import io.tokensdk.model.cof.BindingCreationNotification;
import io.tokensdk.model.cof.BindingUpdateNotification;
import io.tokensdk.model.pat.NotificationResponse;
import io.tokensdk.model.pat.TokenProvisionedNotification;
import io.tokensdk.model.pat.TokenStateChangedNotification;
import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.GetTokenCredentialsRes;
import io.tokensdk.model.tsp.ListTokensReq;
import io.tokensdk.model.tsp.ListTokensRes;
import io.tokensdk.model.tsp.TokenInfo;
import io.tokensdk.model.tsp.UpdateTokenReq;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.ApiKeys;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.server.cof.CofNotificationHandler;
import io.tokensdk.server.pat.PatNotificationHandler;
import io.tokensdk.server.tsp.TspHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers for the host's tests: each counts its calls and can be held until a test releases it. */
final class Handlers {
  static final String API_KEY = "test-api-key-0123456789";
  static final String CREATE_TOKEN = "{\"issuerId\":\"ISSUER0001\",\"cardRefId\":\"card-1\","
      + "\"tokenRequestorId\":\"40010030273\",\"cipheredCardInfo\":\"c2VhbGVk\"}";

  private Handlers() {
  }

  /** Holds handlers until released; counts those that entered and those that finished. */
  static final class Gate {
    final AtomicInteger entered = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final Semaphore enteredSignal = new Semaphore(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    void close() {
      release = new CountDownLatch(1);
    }

    void open() {
      release.countDown();
    }

    void pass() throws InterruptedException {
      entered.incrementAndGet();
      enteredSignal.release();
      try {
        if (!release.await(20, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } finally {
        finished.incrementAndGet();
      }
    }

    /** Waits (bounded) until {@code count} handlers entered in all. */
    void awaitEntered(int count) throws InterruptedException {
      if (!enteredSignal.tryAcquire(count, 10, TimeUnit.SECONDS)) {
        throw new AssertionError("only " + entered.get() + " handlers entered, expected " + count);
      }
      enteredSignal.release(count);
    }
  }

  /** A TSP whose core operations pass through the gate. */
  static final class Tsp extends TspHandler {
    final Gate gate = new Gate();
    /** What getTokenCredentials answers as its encrypted data. */
    volatile String credentials = "eyJhbGciOi.x.y.z.w";

    @Override
    public CreateTokenRes createToken(CreateTokenReq req, RequestContext ctx) throws Exception {
      gate.pass();
      return new CreateTokenRes().tokenId("tok-1").tokenInfo(new TokenInfo().last4("1234").exp("1229"));
    }

    @Override
    public void updateToken(String tokenId, UpdateTokenReq req, RequestContext ctx) throws Exception {
      gate.pass();
    }

    @Override
    public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext ctx) throws Exception {
      gate.pass();
    }

    @Override
    public GetTokenCredentialsRes getTokenCredentials(String issuerId, String tokenId, RequestContext ctx)
        throws Exception {
      gate.pass();
      return new GetTokenCredentialsRes().encryptedData(credentials);
    }

    @Override
    public ListTokensRes listTokens(ListTokensReq req, RequestContext ctx) throws Exception {
      gate.pass();
      return new ListTokensRes();
    }

    @Override
    public void healthCheck(RequestContext ctx) throws Exception {
      gate.pass();
    }
  }

  /** A COF receiver passing through the gate. */
  static final class Cof extends CofNotificationHandler {
    final Gate gate = new Gate();

    static MountOptions options() {
      return MountOptions.builder().apiKeys(ApiKeys.of(API_KEY)).build();
    }

    @Override
    public void notifyBindingCreation(BindingCreationNotification body, RequestContext ctx) throws Exception {
      gate.pass();
    }

    @Override
    public void notifyBindingUpdate(BindingUpdateNotification body, RequestContext ctx) throws Exception {
      gate.pass();
    }
  }

  /** A PAT receiver passing through the gate. */
  static final class Pat extends PatNotificationHandler {
    final Gate gate = new Gate();

    @Override
    public NotificationResponse notifyTokenProvisioned(TokenProvisionedNotification body, RequestContext ctx)
        throws Exception {
      gate.pass();
      return new NotificationResponse();
    }

    @Override
    public NotificationResponse notifyTokenStateChanged(TokenStateChangedNotification body, RequestContext ctx)
        throws Exception {
      gate.pass();
      return new NotificationResponse();
    }
  }
}
