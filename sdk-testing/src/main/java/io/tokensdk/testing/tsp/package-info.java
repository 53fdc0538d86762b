/**
 * A complete in-memory TSP, published for consumers' tests: {@link io.tokensdk.testing.tsp.SampleTsp} keeps a token
 * vault and the token state machine, opens CMS card info, issues Luhn-valid DPANs, seals token credentials as JWE and
 * issues RAW or signed-JWE payment credentials. It is what {@code FakeTsp} serves; not a production TSP.
 */
package io.tokensdk.testing.tsp;
