package io.tokensdk.testing;

import io.tokensdk.server.MountOptions;
import io.tokensdk.testing.tsp.SampleTsp;

/**
 * A fake TSP: the complete in-memory {@link SampleTsp} (vault, state machine, DPANs, credentials, replenishment) with
 * the keys of {@link TestKeys}. Seal card info with {@link SealedFixtures#cardInfo()}; open what it returns with
 * {@link TestKeys#requestorKeys()}.
 */
public final class FakeTsp extends FakeApi {
  /**
   * Starts a fake TSP on a free loopback port.
   *
   * @param keys the throwaway keys
   * @param tls whether to serve TLS with a required client certificate
   */
  public FakeTsp(TestKeys keys, boolean tls) {
    super(keys, tls, () -> new SampleTsp(keys.tspKeys()), MountOptions.defaults());
  }

  /** @return the sample TSP now serving (replaced by a fresh one on {@link #reset()}) */
  public SampleTsp tsp() {
    return (SampleTsp) handler();
  }
}
