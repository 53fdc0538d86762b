package io.tokensdk.crypto.raw;

import io.tokensdk.model.tsp.EncPaymentCredData;

/** Converts between the wire model's {@code rawEncParams} (sdk-models) and {@link RawEncParams}. */
public final class RawWireParams {
    private RawWireParams() {
    }

    /**
     * Reads received parameters, e.g. {@code RawOpener.forKey(kek).open(data.getEncData(),
     * RawWireParams.fromWire(data.getRawEncParams()))}.
     *
     * @param wire the received {@code rawEncParams}
     * @return the parameters
     * @throws IllegalArgumentException when an algorithm, mode or padding is one this SDK does not support; the message
     *     names the field
     */
    public static RawEncParams fromWire(io.tokensdk.model.tsp.RawEncParams wire) {
        if (wire == null) {
            throw new IllegalArgumentException("rawEncParams is missing");
        }
        RawEncParams.Builder builder = RawEncParams.builder(RawAlgorithm.fromWireName(wire.getAlgoAsString()),
                mode(wire.getModeAsString()));
        if (wire.getPaddingAsString() != null) {
            if (!RawPadding.ISO_7816.name().equals(wire.getPaddingAsString())) {
                throw new IllegalArgumentException("unknown rawEncParams padding: expected ISO_7816");
            }
            builder.padding(RawPadding.ISO_7816);
        }
        return builder.iv(wire.getIv()).aeadNonce(wire.getAeadNonce()).aeadMac(wire.getAeadMac())
                .keyId(wire.getKeyId()).build();
    }

    /**
     * Writes parameters as the wire model.
     *
     * @param params the parameters a {@link RawSealer} produced
     * @return the {@code rawEncParams} to send
     */
    public static io.tokensdk.model.tsp.RawEncParams toWire(RawEncParams params) {
        io.tokensdk.model.tsp.RawEncParams wire = new io.tokensdk.model.tsp.RawEncParams()
                .algo(io.tokensdk.model.tsp.RawEncParams.AlgoEnum.fromValue(params.algo().wireName()))
                .mode(io.tokensdk.model.tsp.RawEncParams.ModeEnum.fromValue(params.mode().name()))
                .iv(params.iv()).aeadNonce(params.aeadNonce()).aeadMac(params.aeadMac()).keyId(params.keyId());
        if (params.padding() != null) {
            wire.padding(io.tokensdk.model.tsp.RawEncParams.PaddingEnum.fromValue(params.padding().name()));
        }
        return wire;
    }

    /**
     * The {@code encPaymentCredData} of encType RAW for sealed data.
     *
     * @param sealed what {@link RawSealer#seal} returned
     * @return the wire object
     */
    public static EncPaymentCredData toEncPaymentCredData(RawEncryptedData sealed) {
        return new EncPaymentCredData().encType(EncPaymentCredData.EncTypeEnum.RAW).encData(sealed.encData())
                .rawEncParams(toWire(sealed.params()));
    }

    private static RawMode mode(String wire) {
        for (RawMode mode : RawMode.values()) {
            if (mode.name().equals(wire)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown rawEncParams mode: expected ECB, CBC, CCM or GCM");
    }
}
