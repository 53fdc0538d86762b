/**
 * RAW payment credentials ({@code encPaymentCredData} with encType RAW and its {@code rawEncParams}) and key check
 * values ({@code kekKcv}).
 *
 * <pre>{@code
 * RawEncryptedData sealed = RawSealer.builder(kek).algorithm(RawAlgorithm.AES).mode(RawMode.GCM).keyId("kek-1")
 *         .build().seal(credentialBytes);          // sealed.encData() and sealed.params() map to the JSON fields
 * byte[] credentials = RawOpener.forKey(kek).open(sealed.encData(), sealed.params());
 * String kekKcv = Kcv.of(kek);                     // "66E94B" for the AES-128 all-zero key
 * }</pre>
 */
package io.tokensdk.crypto.raw;
