/**
 * The card-info envelope: CMS EnvelopedData (RFC 5652), AES-256-CBC content encryption, RSAES-PKCS1-v1_5 or
 * RSAES-OAEP (SHA-256, MGF1-SHA-256) key transport, DER then standard base64. Used for {@code cipheredCardInfo},
 * {@code newCipheredCardInfo} and listTokens' {@code cipheredCardInfo} / {@code cipheredTokenInfo}.
 *
 * <pre>{@code
 * String ciphered = CmsEnvelopeSealer.forRecipient(tspCertificate, CmsKeyTransport.RSA_OAEP_SHA256).seal(cardInfo);
 * CardInfo card = CmsEnvelopeOpener.forRecipient(tspPrivateKey, tspCertificate).open(ciphered, CardInfo.TYPE);
 * }</pre>
 *
 * <p>CBC has no MAC: open card data only with the typed open, whose strict payload check (with the Luhn check of
 * every PAN) catches what the envelope cannot; mutual TLS is what protects the envelope in transit.
 */
package io.tokensdk.crypto.cms;
