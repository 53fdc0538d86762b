/**
 * The operator CLI (picocli): seal and open card info and JWEs, inspect envelopes, compute KCVs, serve the samples and
 * run the demo. Each command reads stdin, writes stdout and fails with a one-line error; keys are read from files only.
 */
package io.tokensdk.examples.cli;
