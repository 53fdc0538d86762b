/**
 * Helpers of the SDK's own JSON readers: strict UTF-8 decoding. Internal: not part
 * of the public API, and may change in any release.
 */
package io.tokensdk.json.internal;
