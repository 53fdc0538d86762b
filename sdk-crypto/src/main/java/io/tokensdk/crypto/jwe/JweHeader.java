package io.tokensdk.crypto.jwe;

/**
 * What a decryption needs of a protected header accepted by its {@link JweProfile}.
 *
 * @param kid the recipient key's id
 * @param epkX the ephemeral P-256 key's x coordinate, 32 bytes (ECDH-ES only, else null)
 * @param epkY its y coordinate, 32 bytes, not yet checked to be on the curve (ECDH-ES only, else null)
 * @param partyUInfo {@code apu} decoded, or an empty array (ECDH-ES only, else null)
 * @param partyVInfo {@code apv} decoded, or an empty array (ECDH-ES only, else null)
 */
record JweHeader(String kid, byte[] epkX, byte[] epkY, byte[] partyUInfo, byte[] partyVInfo) {
    /** The header of a key-transport JWE: only its kid. */
    static JweHeader keyTransport(String kid) {
        return new JweHeader(kid, null, null, null, null);
    }
}
