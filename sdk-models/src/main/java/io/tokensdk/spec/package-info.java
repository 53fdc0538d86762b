/**
 * The three specs as the SDK reads them at run time: {@link io.tokensdk.spec.ApiSpec} (operations, parameters, schemas
 * and the vendor extensions that carry the protocol rules) and {@link io.tokensdk.spec.SchemaValidator}, which checks a
 * document against every constraint of its schema and reports {@link io.tokensdk.spec.Violation}s that name fields and
 * rules, never values.
 */
package io.tokensdk.spec;
