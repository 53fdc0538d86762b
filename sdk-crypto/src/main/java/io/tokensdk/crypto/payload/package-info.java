/**
 * Typed plaintexts of the envelopes, validated against the tables of the specs before sealing and after opening.
 * Their {@code toString()} masks PANs and hides CVVs and expiry dates.
 */
package io.tokensdk.crypto.payload;
