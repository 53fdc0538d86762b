package io.tokensdk.crypto.jwe;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
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
    public byte[] decrypt(JWEHeader header, String[] parts) {
        try {
            JWEObject jwe = new JWEObject(new Base64URL(parts[0]), new Base64URL(parts[1]), new Base64URL(parts[2]),
                    new Base64URL(parts[3]), new Base64URL(parts[4]));
            jwe.decrypt(decrypter);
            return jwe.getPayload().toBytes();
        } catch (java.text.ParseException e) {
            throw new OpenFailure("the header cannot be parsed");
        } catch (JOSEException | IllegalStateException e) {
            throw new OpenFailure("decryption failed (key agreement, key unwrap or tag)");
        }
    }
}
