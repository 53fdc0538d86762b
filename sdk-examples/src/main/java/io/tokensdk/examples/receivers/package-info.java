/** A sample merchant receiving COF binding notifications and a sample bank receiving PAT notifications. */
package io.tokensdk.examples.receivers;
