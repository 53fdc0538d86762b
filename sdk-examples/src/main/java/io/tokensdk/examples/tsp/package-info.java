/**
 * A complete in-memory sample TSP: a token vault, the token state machine, DPAN issuing, payment credentials and
 * replenishment, behind the generated TSP handler.
 */
package io.tokensdk.examples.tsp;
