package io.tokensdk.crypto.raw;

/** The {@code padding} of {@code rawEncParams}; absent means the data is not padded. */
public enum RawPadding {
    /** ISO/IEC 7816-4: a 0x80 byte then 0x00 bytes up to the next block boundary (always at least one byte). */
    ISO_7816
}
