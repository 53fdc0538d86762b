package io.tokensdk.examples.cli;

import io.tokensdk.crypto.cms.CmsKeyTransport;

/** The {@code --padding} option of the card-info commands: the RSA key transport of the CMS envelope. */
enum Padding {
  /** RSAES-OAEP with SHA-256 and MGF1-SHA-256 (recommended). */
  oaep(CmsKeyTransport.RSA_OAEP_SHA256),
  /** RSAES-PKCS1-v1_5 (the spec's legacy default). */
  pkcs1(CmsKeyTransport.RSA_PKCS1_V1_5);

  final CmsKeyTransport transport;

  Padding(CmsKeyTransport transport) {
    this.transport = transport;
  }
}
