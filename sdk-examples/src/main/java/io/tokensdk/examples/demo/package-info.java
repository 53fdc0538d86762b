/**
 * The end-to-end demo: drives a token's whole lifecycle and the COF and PAT notifications through the typed clients
 * against the samples (or real peers), checking every step's result.
 */
package io.tokensdk.examples.demo;
