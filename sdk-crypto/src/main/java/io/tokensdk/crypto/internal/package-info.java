/**
 * Helpers shared by the envelopes of this module. Internal: not part of the public API, and may change in any release.
 */
package io.tokensdk.crypto.internal;
