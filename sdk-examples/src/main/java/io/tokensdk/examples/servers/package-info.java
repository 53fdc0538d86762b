/** Hosts the sample TSP and receivers, with optional fault injection for the demo's retry steps. */
package io.tokensdk.examples.servers;
