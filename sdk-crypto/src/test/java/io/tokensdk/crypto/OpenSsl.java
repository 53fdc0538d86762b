package io.tokensdk.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the openssl CLI for interop tests. A missing binary or a failing command fails the test loudly: interop
 * tests are never skipped.
 */
public final class OpenSsl {
    private static final String BINARY = System.getProperty("openssl.binary", "openssl");

    private OpenSsl() {
    }

    /**
     * Runs {@code openssl args...} with the given stdin and returns stdout.
     *
     * @throws AssertionError if openssl is missing, times out or exits non-zero
     */
    public static byte[] run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("openssl CLI is required by the interop tests and could not be started: "
                    + command, e);
        }
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            throw new AssertionError("could not write to openssl " + command, e);
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl timed out: " + command);
            }
            errReader.join();
            if (process.exitValue() != 0) {
                throw new AssertionError("openssl failed (" + process.exitValue() + "): " + command + "\n" + err);
            }
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("openssl failed: " + command, e);
        }
    }

    /** Runs openssl without stdin. */
    public static byte[] run(String... args) {
        return run(null, args);
    }

    /** Hex for {@code -K} / {@code -iv}. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException ignored) {
            // stderr is only used for diagnostics
        }
    }
}
