/**
 * JMH benchmarks of the SDK's hot paths. Each measures the SDK against its floor (the same work without the SDK) in the
 * same run and reports the ratio; see {@code docs/benchmarks.md}. Not published.
 */
package io.tokensdk.benchmarks;
