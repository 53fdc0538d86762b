package io.tokensdk.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/** Loads a private key and its certificate from a PKCS#12 keystore by alias. */
public final class Pkcs12Loader {
    private Pkcs12Loader() {
    }

    /**
     * Loads an entry from a PKCS#12 file.
     *
     * @param path the .p12 / .pfx file
     * @param alias the entry alias
     * @param password the keystore password, also used for the key
     * @return the key and its certificate
     * @throws KeyLoadException if the file is missing, the password is wrong or the alias is not a key entry
     */
    public static KeyAndCertificate load(Path path, String alias, char[] password) {
        return parse(KeySources.read(path), alias, password);
    }

    /**
     * Loads an entry from a PKCS#12 stream, which is read to the end and left open.
     *
     * @param in the PKCS#12 bytes
     * @param alias the entry alias
     * @param password the keystore password, also used for the key
     * @return the key and its certificate
     * @throws KeyLoadException if the password is wrong or the alias is not a key entry
     */
    public static KeyAndCertificate load(InputStream in, String alias, char[] password) {
        return parse(KeySources.read(in), alias, password);
    }

    private static KeyAndCertificate parse(byte[] bytes, String alias, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (Exception e) {
            throw new KeyLoadException("not a readable PKCS#12 keystore: wrong password or not a PKCS#12 file");
        }
        try {
            if (!store.containsAlias(alias)) {
                List<String> aliases = Collections.list(store.aliases());
                throw new KeyLoadException("alias '" + alias + "' not found; the keystore holds " + aliases);
            }
            if (!store.isKeyEntry(alias)) {
                throw new KeyLoadException("alias '" + alias + "' is not a private key entry");
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            if (!(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new KeyLoadException("alias '" + alias + "' has no X.509 certificate");
            }
            return new KeyAndCertificate(key, certificate);
        } catch (KeyLoadException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyLoadException("the key of alias '" + alias + "' could not be recovered: wrong key password");
        }
    }
}
