package io.tokensdk.crypto.payload;

/** The plaintext of listTokens' {@code cipheredTokenInfo}: {@code {"dpan": "..."}}. */
public final class TokenPanInfo extends SinglePanPayload {
    /** Decodes and validates an opened listTokens {@code cipheredTokenInfo}; an unknown member is refused. */
    public static final PayloadType<TokenPanInfo> TYPE = plaintext -> of(readPan(plaintext, "dpan"));

    private TokenPanInfo(String dpan) {
        super("dpan", dpan);
    }

    /**
     * Creates the payload.
     *
     * @param dpan the token PAN, 8 to 19 digits
     * @return the validated payload
     * @throws io.tokensdk.crypto.InvalidPayloadException if the PAN is absent or malformed
     */
    public static TokenPanInfo of(String dpan) {
        return new TokenPanInfo(dpan);
    }

    /** @return the token PAN */
    public String dpan() {
        return pan();
    }
}
