/**
 * The models of the Thales COF client API 1.42 (binding notifications), generated from
 * {@code specs/cof-client-api.yaml}.
 *
 * <p>Readers are forward compatible (unknown fields are ignored, unknown enum values read as
 * {@code UNKNOWN_TO_SDK_VERSION} with the raw value kept).
 */
package io.tokensdk.model.cof;
