/**
 * The models of the TSP API (TSH Token Requestor Outgoing API 1.3.5), generated from
 * {@code specs/tsp-outgoing-api.yaml}, and {@link io.tokensdk.model.tsp.TspResponseCode}, the spec's table of
 * {@code errorRes} response codes.
 *
 * <p>Readers are forward compatible (unknown fields are ignored, unknown enum values read as
 * {@code UNKNOWN_TO_SDK_VERSION} with the raw value kept); fields the spec marks sensitive never appear in full in
 * {@code toString()}.
 */
package io.tokensdk.model.tsp;
