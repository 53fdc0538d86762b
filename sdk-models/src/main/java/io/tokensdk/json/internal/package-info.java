/**
 * Helpers shared by the SDK's own JSON readers on the client and the server: strict UTF-8 checking and a reader of the
 * characters of UTF-8 bytes without a copy. Internal: not part of the public API, and may change in any release.
 */
package io.tokensdk.json.internal;
