/**
 * Helpers shared by the SDK's own JSON readers on the client and the server: strict UTF-8 decoding. Internal: not part
 * of the public API, and may change in any release.
 */
package io.tokensdk.json.internal;
