package io.tokensdk.crypto.keys;

import io.tokensdk.crypto.internal.Bc;
import io.tokensdk.crypto.internal.JdkKeys;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Loads a private key and its certificate from a PKCS#12 keystore, by alias or as its only key entry. Reads what
 * {@code openssl pkcs12 -export} writes, including unencrypted keys ({@code -keypbe NONE}), which the JDK's own
 * PKCS#12 keystore silently skips; a keystore without a MAC ({@code -nomac}) needs an empty password.
 */
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
        return parse(KeySources.read(path), Objects.requireNonNull(alias, "alias"), password);
    }

    /**
     * Loads the only key entry of a PKCS#12 file.
     *
     * @param path the .p12 / .pfx file
     * @param password the keystore password, also used for the key
     * @return the key and its certificate
     * @throws KeyLoadException if the file is missing, the password is wrong or it holds not exactly one key entry
     */
    public static KeyAndCertificate load(Path path, char[] password) {
        return parse(KeySources.read(path), null, password);
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
        return parse(KeySources.read(in), Objects.requireNonNull(alias, "alias"), password);
    }

    private static KeyAndCertificate parse(byte[] bytes, String alias, char[] password) {
        Objects.requireNonNull(password, "password");
        KeyStore store;
        try {
            // BouncyCastle's keystore, passed explicitly: it reads unencrypted key bags, the JDK's does not.
            store = KeyStore.getInstance("PKCS12", Bc.provider());
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (Exception e) {
            throw new KeyLoadException("not a readable PKCS#12 keystore: wrong password or not a PKCS#12 file");
        }
        try {
            String entry = alias == null ? onlyKeyEntry(store) : alias;
            if (!store.containsAlias(entry)) {
                List<String> aliases = Collections.list(store.aliases());
                throw new KeyLoadException("alias '" + entry + "' not found; the keystore holds " + aliases);
            }
            if (!store.isKeyEntry(entry)) {
                throw new KeyLoadException("alias '" + entry + "' is not a private key entry");
            }
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            if (!(store.getCertificate(entry) instanceof X509Certificate certificate)) {
                throw new KeyLoadException("alias '" + entry + "' has no X.509 certificate");
            }
            return new KeyAndCertificate(JdkKeys.rsaPrivate(key), certificate);
        } catch (KeyLoadException e) {
            throw e;
        } catch (Exception e) {
            throw new KeyLoadException("the key could not be recovered: wrong key password");
        }
    }

    private static String onlyKeyEntry(KeyStore store) throws java.security.KeyStoreException {
        List<String> keys = Collections.list(store.aliases()).stream().filter(alias -> {
            try {
                return store.isKeyEntry(alias);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }).toList();
        if (keys.size() != 1) {
            throw new KeyLoadException("the keystore holds " + keys.size() + " key entries " + keys
                    + "; name the one to use by its alias");
        }
        return keys.get(0);
    }
}
