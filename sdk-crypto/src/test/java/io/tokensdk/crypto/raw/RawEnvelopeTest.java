package io.tokensdk.crypto.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.crypto.EnvelopeOpenException;
import io.tokensdk.crypto.EnvelopeSealException;
import io.tokensdk.crypto.OpenSsl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RawEnvelopeTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] DATA = "payment credentials: 0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    static SecretKey aes(int bytes) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        return new SecretKeySpec(key, "AES");
    }

    static SecretKey tdes(int bytes) {
        return new SecretKeySpec(Arrays.copyOf(HEX.parseHex("0123456789ABCDEFFEDCBA987654321089ABCDEF01234567"), bytes),
                "DESede");
    }

    static List<Arguments> everyOption() {
        List<Arguments> options = new ArrayList<>();
        List<SecretKey> keys = List.of(aes(16), aes(24), aes(32), tdes(16), tdes(24));
        for (SecretKey key : keys) {
            RawAlgorithm algorithm = key.getAlgorithm().equals("AES") ? RawAlgorithm.AES : RawAlgorithm.TRIPLE_DES;
            for (RawMode mode : RawMode.values()) {
                if (mode.isAead() && algorithm != RawAlgorithm.AES) {
                    continue;
                }
                options.add(Arguments.of(key, algorithm, mode, RawPadding.ISO_7816));
                options.add(Arguments.of(key, algorithm, mode, null));
            }
        }
        return options;
    }

    @ParameterizedTest
    @MethodSource("everyOption")
    void roundTrips(SecretKey key, RawAlgorithm algorithm, RawMode mode, RawPadding padding) {
        byte[] plaintext = padding == null && !mode.isAead() ? Arrays.copyOf(DATA, 32) : DATA;
        RawEncryptedData sealed = RawSealer.builder(key).algorithm(algorithm).mode(mode).padding(padding)
                .keyId("kek-1").build().seal(plaintext);
        RawEncParams params = sealed.params();
        assertEquals(algorithm, params.algo());
        assertEquals(mode, params.mode());
        assertEquals(padding, params.padding());
        assertEquals("kek-1", params.keyId());
        assertEquals(mode == RawMode.CBC, params.iv() != null);
        assertEquals(mode.isAead(), params.aeadNonce() != null);
        assertEquals(mode.isAead(), params.aeadMac() != null);
        if (mode.isAead()) {
            assertEquals(16, Base64.getDecoder().decode(params.aeadMac()).length);
            assertEquals(plaintext.length + (padding == null ? 0 : 16 - plaintext.length % 16),
                    Base64.getDecoder().decode(sealed.encData()).length, "tag must not be in encData");
        }
        assertArrayEquals(plaintext, RawOpener.forKey(key).open(sealed.encData(), params));

        // Through the wire model and its JSON, as a TSP sends it and a wallet receives it.
        String json = io.tokensdk.json.TokenSdkJson.write(RawWireParams.toEncPaymentCredData(sealed));
        io.tokensdk.model.tsp.EncPaymentCredData received =
                io.tokensdk.json.TokenSdkJson.parse(json, io.tokensdk.model.tsp.EncPaymentCredData.class);
        assertEquals(params, RawWireParams.fromWire(received.getRawEncParams()));
        assertArrayEquals(plaintext,
                RawOpener.forKey(key).open(received.getEncData(), RawWireParams.fromWire(received.getRawEncParams())));
    }

    @Test
    void unknownWireValuesAreTypedErrorsNamingTheField() {
        io.tokensdk.model.tsp.RawEncParams wire = io.tokensdk.json.TokenSdkJson.parse(
                "{\"algo\":\"SM4\",\"mode\":\"CBC\"}", io.tokensdk.model.tsp.RawEncParams.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawWireParams.fromWire(wire));
        assertTrue(e.getMessage().contains("algo"), e.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> RawWireParams.fromWire(
                io.tokensdk.json.TokenSdkJson.parse("{\"algo\":\"AES\",\"mode\":\"XTS\"}",
                        io.tokensdk.model.tsp.RawEncParams.class)));
        assertTrue(mode.getMessage().contains("mode"), mode.getMessage());
    }

    @Test
    void shortTagsAndFieldLengthsFitTheSpec() {
        RawEncryptedData ccm = RawSealer.builder(aes(16)).mode(RawMode.CCM).aeadTagLength(12).build().seal(DATA);
        assertEquals(12, Base64.getDecoder().decode(ccm.params().aeadMac()).length);
        assertArrayEquals(DATA, RawOpener.forKey(aes(16)).withAeadTagLength(12).open(ccm));
        // the opener's configured length, not the envelope's aeadMac, decides
        assertThrows(EnvelopeOpenException.class, () -> RawOpener.forKey(aes(16)).open(ccm));
        RawEncryptedData cbc = RawSealer.builder(aes(32)).build().seal(DATA);
        assertEquals(24, cbc.params().iv().length(), "iv maxLength is 32");
    }

    /** Computed once with openssl (see {@link #knownAnswerAesCbc}). */
    private static final String EXPECTED_AES_CBC_HEX =
            "6cd02c679d69a501ea91dae094102bc496cb4c9e0c5992a682ab32f6527e65f0";

    /**
     * Fixed key 01080f16..636a and IV 00..0f; the expected value comes from {@code openssl enc -e -aes-128-cbc -K
     * 01080f161d242b323940474e555c636a -iv 000102030405060708090a0b0c0d0e0f -nopad} of the data padded with 80 00..
     */
    @Test
    void knownAnswerAesCbc() {
        SecureRandom countingIv = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) i;
                }
            }
        };
        RawEncryptedData sealed = RawSealer.builder(aes(16)).secureRandom(countingIv).build().seal(DATA);
        assertEquals(EXPECTED_AES_CBC_HEX, HEX.formatHex(Base64.getDecoder().decode(sealed.encData())));
        assertEquals("AAECAwQFBgcICQoLDA0ODw==", sealed.params().iv());
        assertArrayEquals(DATA, RawOpener.forKey(aes(16)).open(sealed));
    }

    static List<Arguments> opensslCiphers() {
        return List.of(
                Arguments.of(aes(16), RawAlgorithm.AES, RawMode.ECB, "aes-128-ecb"),
                Arguments.of(aes(32), RawAlgorithm.AES, RawMode.ECB, "aes-256-ecb"),
                Arguments.of(aes(16), RawAlgorithm.AES, RawMode.CBC, "aes-128-cbc"),
                Arguments.of(aes(32), RawAlgorithm.AES, RawMode.CBC, "aes-256-cbc"),
                Arguments.of(tdes(16), RawAlgorithm.TRIPLE_DES, RawMode.ECB, "des-ede-ecb"),
                Arguments.of(tdes(24), RawAlgorithm.TRIPLE_DES, RawMode.ECB, "des-ede3-ecb"),
                Arguments.of(tdes(16), RawAlgorithm.TRIPLE_DES, RawMode.CBC, "des-ede-cbc"),
                Arguments.of(tdes(24), RawAlgorithm.TRIPLE_DES, RawMode.CBC, "des-ede3-cbc"));
    }

    @ParameterizedTest
    @MethodSource("opensslCiphers")
    void opensslDecryptsJavaAndSeesIso7816Padding(SecretKey key, RawAlgorithm algorithm, RawMode mode,
            String opensslCipher) throws Exception {
        RawEncryptedData sealed = RawSealer.builder(key).algorithm(algorithm).mode(mode).build().seal(DATA);
        List<String> args = new ArrayList<>(List.of("enc", "-d", "-" + opensslCipher, "-K",
                OpenSsl.hex(key.getEncoded()), "-nopad", "-in",
                Files.write(dir.resolve("enc.bin"), Base64.getDecoder().decode(sealed.encData())).toString()));
        if (mode == RawMode.CBC) {
            args.addAll(List.of("-iv", OpenSsl.hex(Base64.getDecoder().decode(sealed.params().iv()))));
        }
        byte[] decrypted = OpenSsl.run(args.toArray(String[]::new));
        int block = algorithm.blockSize();
        assertEquals((DATA.length / block + 1) * block, decrypted.length);
        assertArrayEquals(DATA, Arrays.copyOf(decrypted, DATA.length));
        assertEquals((byte) 0x80, decrypted[DATA.length]);
        for (int i = DATA.length + 1; i < decrypted.length; i++) {
            assertEquals(0, decrypted[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("opensslCiphers")
    void javaDecryptsOpensslWithManualIso7816Padding(SecretKey key, RawAlgorithm algorithm, RawMode mode,
            String opensslCipher) {
        byte[] padded = Iso7816Padding.pad(DATA, algorithm.blockSize());
        byte[] iv = new byte[algorithm.blockSize()];
        Arrays.fill(iv, (byte) 0x5a);
        List<String> args = new ArrayList<>(List.of("enc", "-e", "-" + opensslCipher, "-K",
                OpenSsl.hex(key.getEncoded()), "-nopad"));
        RawEncParams.Builder params = RawEncParams.builder(algorithm, mode).padding(RawPadding.ISO_7816);
        if (mode == RawMode.CBC) {
            args.addAll(List.of("-iv", OpenSsl.hex(iv)));
            params.iv(Base64.getEncoder().encodeToString(iv));
        }
        byte[] encrypted = OpenSsl.run(padded, args.toArray(String[]::new));
        assertArrayEquals(DATA, RawOpener.forKey(key).open(Base64.getEncoder().encodeToString(encrypted),
                params.build()));
    }

    @Test
    void everyFailureLooksTheSame() {
        SecretKey key = aes(16);
        RawOpener opener = RawOpener.forKey(key);
        List<EnvelopeOpenException> failures = new ArrayList<>();
        RawEncryptedData cbc = RawSealer.builder(key).build().seal(DATA);
        RawEncryptedData gcm = RawSealer.builder(key).mode(RawMode.GCM).build().seal(DATA);
        RawEncryptedData ccm = RawSealer.builder(key).mode(RawMode.CCM).build().seal(DATA);
        // A wrong key is certain to fail only with a MAC: CBC catches it by its padding, which a random block passes
        // now and then (about 1 in 256), so this uses GCM to stay deterministic.
        failures.add(assertThrows(EnvelopeOpenException.class, () -> RawOpener.forKey(aes(32)).open(gcm)));
        // CBC: flip the last byte of the next-to-last block, which flips the final 0x80 padding byte (flipping the last
        // block itself would randomize it, and random bytes pass the padding check now and then).
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(flipByte(cbc, 17))));
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(flipLastByte(gcm))));
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(flipLastByte(ccm))));
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(gcm.encData(),
                RawEncParams.builder(RawAlgorithm.AES, RawMode.GCM).aeadNonce(gcm.params().aeadNonce()).build())));
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(cbc.encData(),
                RawEncParams.builder(RawAlgorithm.TRIPLE_DES, RawMode.GCM).build())));
        // Unpadded plaintext whose last block does not end in 80 00..: a padding error.
        RawEncryptedData unpadded = RawSealer.builder(key).padding(null).build().seal(new byte[32]);
        failures.add(assertThrows(EnvelopeOpenException.class, () -> opener.open(unpadded.encData(),
                RawEncParams.builder(RawAlgorithm.AES, RawMode.CBC).iv(unpadded.params().iv())
                        .padding(RawPadding.ISO_7816).build())));
        for (EnvelopeOpenException failure : failures) {
            assertEquals(EnvelopeOpenException.MESSAGE, failure.getMessage());
            assertNull(failure.getCause());
        }
    }

    @Test
    void shortTagsOddNoncesAndIvsAreRefusedWithTheReasonOnlyInTheListener() {
        SecretKey key = aes(32);
        List<String> reasons = new ArrayList<>();
        RawOpener opener = RawOpener.forKey(key).withFailureListener(reasons::add);
        RawEncryptedData gcm = RawSealer.builder(key).mode(RawMode.GCM).build().seal(DATA);
        assertArrayEquals(DATA, opener.open(gcm));
        byte[] tag = Base64.getDecoder().decode(gcm.params().aeadMac());
        // A truncated GCM tag is exactly the tag of that shorter length: accepted, it would cut a forgery to 2^32 tries.
        for (int length : new int[] {4, 8, 12, 15}) {
            RawEncParams truncated = RawEncParams.builder(RawAlgorithm.AES, RawMode.GCM)
                    .aeadNonce(gcm.params().aeadNonce())
                    .aeadMac(Base64.getEncoder().encodeToString(Arrays.copyOf(tag, length))).build();
            assertThrows(EnvelopeOpenException.class, () -> opener.open(gcm.encData(), truncated));
        }
        RawEncryptedData twelve = RawSealer.builder(key).mode(RawMode.GCM).aeadTagLength(12).build().seal(DATA);
        assertThrows(EnvelopeOpenException.class, () -> opener.open(twelve));
        assertArrayEquals(DATA, RawOpener.forKey(key).withAeadTagLength(12).open(twelve));
        for (int nonceBytes : new int[] {8, 16}) {
            RawEncParams nonce = RawEncParams.builder(RawAlgorithm.AES, RawMode.GCM)
                    .aeadNonce(Base64.getEncoder().encodeToString(new byte[nonceBytes]))
                    .aeadMac(gcm.params().aeadMac()).build();
            assertThrows(EnvelopeOpenException.class, () -> opener.open(gcm.encData(), nonce));
        }
        RawEncryptedData cbc = RawSealer.builder(key).build().seal(DATA);
        RawEncParams shortIv = RawEncParams.builder(RawAlgorithm.AES, RawMode.CBC).padding(RawPadding.ISO_7816)
                .iv(Base64.getEncoder().encodeToString(new byte[8])).build();
        assertThrows(EnvelopeOpenException.class, () -> opener.open(cbc.encData(), shortIv));
        assertEquals(List.of("RAW: the tag is not the configured 16 bytes", "RAW: the tag is not the configured 16 bytes",
                "RAW: the tag is not the configured 16 bytes", "RAW: the tag is not the configured 16 bytes",
                "RAW: the tag is not the configured 16 bytes", "RAW: the nonce is not 12 bytes",
                "RAW: the nonce is not 12 bytes", "RAW: the IV is not one block"), reasons);
        assertThrows(IllegalArgumentException.class, () -> RawOpener.forKey(key).withAeadTagLength(8));
        assertThrows(IllegalArgumentException.class,
                () -> RawSealer.builder(key).mode(RawMode.CCM).aeadTagLength(8).build());
    }

    @Test
    void refusesTripleDesKeysOfSingleDesStrength() {
        byte[] k1 = HEX.parseHex("0123456789ABCDEF");
        byte[] k3 = HEX.parseHex("89ABCDEF01234567");
        SecretKey twoKeyEqual = new SecretKeySpec(concat(k1, k1), "DESede");
        SecretKey threeKeyK1K2 = new SecretKeySpec(concat(concat(k1, k1), k3), "DESede");
        SecretKey threeKeyK2K3 = new SecretKeySpec(concat(concat(k3, k1), k1), "DESede");
        for (SecretKey weak : List.of(twoKeyEqual, threeKeyK1K2, threeKeyK2K3)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RawSealer.builder(weak).algorithm(RawAlgorithm.TRIPLE_DES).build());
            assertTrue(e.getMessage().contains("single-DES strength"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> RawOpener.forKey(weak));
        }
        // The same bytes handed over as an "AES" key still cannot open 3DES data.
        RawEncryptedData sealed = RawSealer.builder(tdes(16)).algorithm(RawAlgorithm.TRIPLE_DES).build().seal(DATA);
        assertThrows(EnvelopeOpenException.class, () -> RawOpener.forKey(new SecretKeySpec(concat(k1, k1), "AES"))
                .open(sealed));
        assertArrayEquals(DATA, RawOpener.forKey(tdes(16)).open(sealed));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    @Test
    void refusesBadConfigurations() {
        assertThrows(IllegalArgumentException.class,
                () -> RawSealer.builder(tdes(16)).algorithm(RawAlgorithm.TRIPLE_DES).mode(RawMode.GCM).build());
        assertThrows(IllegalArgumentException.class, () -> RawSealer.builder(new SecretKeySpec(new byte[20], "AES"))
                .build());
        assertThrows(IllegalArgumentException.class,
                () -> RawSealer.builder(aes(16)).mode(RawMode.GCM).aeadTagLength(8).build());
        EnvelopeSealException e = assertThrows(EnvelopeSealException.class,
                () -> RawSealer.builder(aes(16)).mode(RawMode.ECB).padding(null).build().seal(new byte[15]));
        assertNotNull(e.getMessage());
        EnvelopeSealException tooLong = assertThrows(EnvelopeSealException.class,
                () -> RawSealer.builder(aes(16)).build().seal(new byte[7000]));
        assertTrue(tooLong.getMessage().contains("maxLength of 8096"), tooLong.getMessage());
        assertEquals(RawAlgorithm.TRIPLE_DES, RawAlgorithm.fromWireName("3DES"));
    }

    @Test
    void kcvKnownAnswers() {
        assertEquals("66E94B", Kcv.of(new SecretKeySpec(new byte[16], "AES")));
        assertEquals("08D7B4", Kcv.of(tdes(16)));
        assertEquals("08D7B4", Kcv.of(new SecretKeySpec(HEX.parseHex(
                "0123456789ABCDEFFEDCBA98765432100123456789ABCDEF"), "DESede")));
        assertEquals("763CBCDE81", Kcv.cmac(new SecretKeySpec(new byte[16], "AES")));
    }

    @ParameterizedTest
    @MethodSource("opensslCiphers")
    void kcvMatchesOpenssl(SecretKey key, RawAlgorithm algorithm, RawMode mode, String opensslCipher) {
        if (mode != RawMode.ECB) {
            return;
        }
        byte[] zeroBlock = OpenSsl.run(new byte[algorithm.blockSize()], "enc", "-e", "-" + opensslCipher, "-K",
                OpenSsl.hex(key.getEncoded()), "-nopad");
        assertEquals(HEX.withUpperCase().formatHex(zeroBlock, 0, 3), Kcv.of(key));
        String cmacCipher = algorithm == RawAlgorithm.AES
                ? "AES-" + key.getEncoded().length * 8 + "-CBC" : "DES-EDE3-CBC";
        byte[] fullKey = algorithm.jcaKey(key.getEncoded());
        String cmac = new String(OpenSsl.run(new byte[algorithm.blockSize()], "mac", "-cipher", cmacCipher,
                "-macopt", "hexkey:" + OpenSsl.hex(fullKey), "CMAC"), java.nio.charset.StandardCharsets.US_ASCII)
                .trim();
        assertEquals(cmac.substring(0, 10), Kcv.cmac(key));
    }

    private static RawEncryptedData flipLastByte(RawEncryptedData sealed) {
        return flipByte(sealed, 1);
    }

    private static RawEncryptedData flipByte(RawEncryptedData sealed, int fromEnd) {
        byte[] bytes = Base64.getDecoder().decode(sealed.encData());
        bytes[bytes.length - fromEnd] ^= 1;
        return new RawEncryptedData(Base64.getEncoder().encodeToString(bytes), sealed.params());
    }
}
