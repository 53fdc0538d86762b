/**
 * Test support for consumers of tokensdk.
 *
 * <ul>
 *   <li>{@link io.tokensdk.testing.TokenSdkFakes}: a JUnit 5 extension starting {@link io.tokensdk.testing.FakeTsp},
 *       {@link io.tokensdk.testing.FakeCofReceiver} and {@link io.tokensdk.testing.FakePatReceiver} on loopback, on TLS
 *       with a required client certificate or on plain HTTP. Each answers like a server built on the SDK, records what
 *       reached it ({@link io.tokensdk.testing.Received}) and can be scripted to fail ({@link io.tokensdk.testing.Fault}:
 *       retry later, an error code, a hang, a reset).</li>
 *   <li>{@link io.tokensdk.testing.TestKeys} and {@link io.tokensdk.testing.SealedFixtures}: throwaway key material and
 *       card info, token credentials and a PAT account number sealed to it.</li>
 *   <li>{@link io.tokensdk.testing.TspConformanceKit}: a fake TSH that calls a TSP under test with every operation and
 *       the spec's edge cases, and reports each answer that breaks the spec ({@link io.tokensdk.testing.ConformanceReport}).</li>
 * </ul>
 *
 * <p>The keys are generated per run and held in memory: never use them outside tests.
 */
package io.tokensdk.testing;
