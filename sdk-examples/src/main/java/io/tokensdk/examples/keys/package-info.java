/** Throwaway key material for the demo and {@code serve}, and the files it is written to for real peers. */
package io.tokensdk.examples.keys;
