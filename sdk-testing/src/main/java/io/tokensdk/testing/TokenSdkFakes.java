package io.tokensdk.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a fake TSP, a fake COF receiver and a fake PAT receiver on loopback, with throwaway keys.
 *
 * <pre>{@code
 * @RegisterExtension static final TokenSdkFakes fakes = TokenSdkFakes.tls();
 *
 * @Test void retriesA503() {
 *   fakes.tsp().failNext(Fault.retryLater(Duration.ZERO));
 *   new TspClient(fakes.tsp().clientConfig().build()).healthCheck();
 *   assertEquals(2, fakes.tsp().received().size());
 * }
 * }</pre>
 *
 * <p>Registered on a static field, the fakes start once per test class; on an instance field, or with
 * {@code @ExtendWith(TokenSdkFakes.class)} (TLS), once per test. Before each test every fake is {@link FakeApi#reset()
 * reset}. Test methods may take {@link FakeTsp}, {@link FakeCofReceiver}, {@link FakePatReceiver}, {@link TestKeys}
 * and {@link SealedFixtures} parameters.
 */
public final class TokenSdkFakes implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {
  private final boolean tls;
  private Fakes fakes;
  private boolean perClass;

  /** The fakes on TLS with a required client certificate; for {@code @ExtendWith}. */
  public TokenSdkFakes() {
    this(true);
  }

  private TokenSdkFakes(boolean tls) {
    this.tls = tls;
  }

  /** @return fakes on TLS, requiring the client certificate of {@link TestKeys} */
  public static TokenSdkFakes tls() {
    return new TokenSdkFakes(true);
  }

  /** @return fakes on plain HTTP */
  public static TokenSdkFakes plain() {
    return new TokenSdkFakes(false);
  }

  /** @return the fake TSP */
  public FakeTsp tsp() {
    return started().tsp;
  }

  /** @return the fake COF receiver */
  public FakeCofReceiver cof() {
    return started().cof;
  }

  /** @return the fake PAT receiver */
  public FakePatReceiver pat() {
    return started().pat;
  }

  /** @return the throwaway keys the fakes hold */
  public TestKeys keys() {
    return started().keys;
  }

  /** @return fixtures sealed to {@link #keys()} */
  public SealedFixtures fixtures() {
    return new SealedFixtures(keys());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    fakes = new Fakes(tls);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (fakes == null) {
      fakes = new Fakes(tls);
    } else {
      fakes.tsp.reset();
      fakes.cof.reset();
      fakes.pat.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeTsp.class || type == FakeCofReceiver.class || type == FakePatReceiver.class
        || type == TestKeys.class || type == SealedFixtures.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == FakeTsp.class) {
      return tsp();
    }
    if (type == FakeCofReceiver.class) {
      return cof();
    }
    if (type == FakePatReceiver.class) {
      return pat();
    }
    return type == TestKeys.class ? keys() : fixtures();
  }

  private Fakes started() {
    if (fakes == null) {
      throw new IllegalStateException("the fakes run only inside a test: register TokenSdkFakes with "
          + "@RegisterExtension or @ExtendWith");
    }
    return fakes;
  }

  private void stop() {
    if (fakes != null) {
      fakes.close();
      fakes = null;
    }
  }

  /** The three fakes sharing one set of keys. */
  private static final class Fakes implements AutoCloseable {
    final TestKeys keys = TestKeys.generate();
    final FakeTsp tsp;
    final FakeCofReceiver cof;
    final FakePatReceiver pat;

    Fakes(boolean tls) {
      tsp = new FakeTsp(keys, tls);
      cof = new FakeCofReceiver(keys, tls);
      pat = new FakePatReceiver(keys, tls);
    }

    @Override
    public void close() {
      try {
        tsp.close();
      } finally {
        try {
          cof.close();
        } finally {
          pat.close();
        }
      }
    }
  }
}
