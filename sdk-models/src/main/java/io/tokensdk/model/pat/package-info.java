/**
 * The models of the Visa PAT notifications, generated from {@code specs/pat-notification-api.yaml} (a schema inferred
 * from the published prose; see {@code specs/README.md}).
 *
 * <p>Readers are forward compatible (unknown fields are ignored, unknown enum values read as
 * {@code UNKNOWN_TO_SDK_VERSION} with the raw value kept); the encrypted real account number never appears in full in
 * {@code toString()}.
 */
package io.tokensdk.model.pat;
