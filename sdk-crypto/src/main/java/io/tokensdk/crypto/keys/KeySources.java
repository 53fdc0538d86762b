package io.tokensdk.crypto.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads key files with a size bound. */
final class KeySources {
    /** Key files are small; anything bigger is not one. */
    static final int MAX_BYTES = 1024 * 1024;

    private KeySources() {
    }

    static byte[] read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new KeyLoadException("file not found: " + path);
        } catch (IOException e) {
            throw new KeyLoadException("file could not be read: " + path);
        }
    }

    /** Reads the stream to its end; the caller closes it. */
    static byte[] read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new KeyLoadException("input is larger than " + MAX_BYTES + " bytes, which no key file is");
            }
            if (bytes.length == 0) {
                throw new KeyLoadException("input is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new KeyLoadException("input could not be read");
        }
    }

    static boolean looksLikePem(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }
}
