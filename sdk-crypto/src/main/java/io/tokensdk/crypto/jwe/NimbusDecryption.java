package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.util.Base64URL;
import io.tokensdk.crypto.internal.OpenFailure;

/** Decryption by a nimbus {@link JWEDecrypter} (RSA-OAEP-256 key unwrap on the JDK), built once per key. */
final class NimbusDecryption implements JweDecryption {
    private final JWEDecrypter decrypter;

    NimbusDecryption(JWEDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public byte[] decrypt(JweHeader header, CompactJwe jwe) {
        try {
            JWEObject parsed = new JWEObject(part(jwe, CompactJwe.HEADER), part(jwe, CompactJwe.ENCRYPTED_KEY),
                    part(jwe, CompactJwe.IV), part(jwe, CompactJwe.CIPHERTEXT), part(jwe, CompactJwe.TAG));
            parsed.decrypt(decrypter);
            return parsed.getPayload().toBytes();
        } catch (java.text.ParseException e) {
            throw new OpenFailure("the header cannot be parsed");
        } catch (JOSEException | IllegalStateException e) {
            throw new OpenFailure("decryption failed (key agreement, key unwrap or tag)");
        }
    }

    private static Base64URL part(CompactJwe jwe, int i) {
        return new Base64URL(jwe.part(i));
    }
}
