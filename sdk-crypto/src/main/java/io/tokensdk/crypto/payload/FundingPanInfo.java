package io.tokensdk.crypto.payload;

/** The plaintext of listTokens' {@code cipheredCardInfo}: {@code {"fpan": "..."}}. */
public final class FundingPanInfo extends SinglePanPayload {
    /** Decodes and validates an opened listTokens {@code cipheredCardInfo}; an unknown member is refused. */
    public static final PayloadType<FundingPanInfo> TYPE = plaintext -> of(readPan(plaintext, "fpan"));

    private FundingPanInfo(String fpan) {
        super("fpan", fpan);
    }

    /**
     * Creates the payload.
     *
     * @param fpan the funding PAN, 8 to 19 digits
     * @return the validated payload
     * @throws io.tokensdk.crypto.InvalidPayloadException if the PAN is absent or malformed
     */
    public static FundingPanInfo of(String fpan) {
        return new FundingPanInfo(fpan);
    }

    /** @return the funding PAN */
    public String fpan() {
        return pan();
    }
}
