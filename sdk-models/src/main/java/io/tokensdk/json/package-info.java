/**
 * The SDK's one JSON set-up: {@link io.tokensdk.json.TokenSdkJson} (a shared Gson with strict parsing and validation
 * of a document against the schema its model was generated from), and the typed errors of parsing
 * ({@link io.tokensdk.json.MalformedJsonException}, {@link io.tokensdk.json.SchemaViolationException}), whose messages
 * never quote the values.
 */
package io.tokensdk.json;
