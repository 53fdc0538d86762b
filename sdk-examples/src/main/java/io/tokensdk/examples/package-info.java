/** The runnable examples jar: {@link io.tokensdk.examples.Main} dispatches to the demo, {@code serve} and the operator CLI. */
package io.tokensdk.examples;
