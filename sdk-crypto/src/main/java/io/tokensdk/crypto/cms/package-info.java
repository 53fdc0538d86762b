/**
 * The card-info envelope: CMS EnvelopedData (RFC 5652), AES-256-CBC content encryption, RSAES-PKCS1-v1_5 or
 * RSAES-OAEP (SHA-256, MGF1-SHA-256) key transport, DER then standard base64. Used for {@code cipheredCardInfo},
 * {@code newCipheredCardInfo} and listTokens' {@code cipheredCardInfo} / {@code cipheredTokenInfo}.
 *
 * <pre>{@code
 * String ciphered = CmsEnvelopeSealer.forRecipient(tspCertificate, CmsKeyTransport.RSA_OAEP_SHA256).seal(cardInfo);
 * CardInfo card = CmsEnvelopeOpener.forKey(tspPrivateKey).open(ciphered, CardInfo.TYPE);
 * }</pre>
 */
package io.tokensdk.crypto.cms;
