package io.tokensdk.examples.demo;

import io.tokensdk.crypto.raw.RawAlgorithm;
import io.tokensdk.crypto.raw.RawEncParams;
import io.tokensdk.crypto.raw.RawMode;
import io.tokensdk.crypto.raw.RawPadding;

/** Converts the wire model's {@code rawEncParams} into sdk-crypto's, which the SDK does not do itself. */
final class RawParams {
  private RawParams() {
  }

  static RawEncParams toCrypto(io.tokensdk.model.tsp.RawEncParams wire) {
    RawEncParams.Builder builder = RawEncParams.builder(RawAlgorithm.fromWireName(wire.getAlgoAsString()),
        RawMode.valueOf(wire.getModeAsString()));
    if (wire.getPadding() != null) {
      builder.padding(RawPadding.ISO_7816);
    }
    return builder.iv(wire.getIv()).aeadNonce(wire.getAeadNonce()).aeadMac(wire.getAeadMac())
        .keyId(wire.getKeyId()).build();
  }
}
