package io.tokensdk.crypto.payload;

/** How payload {@code toString()} shows fields that are sensitive but not PANs. */
final class Masks {
    private Masks() {
    }

    static String presence(Object value) {
        return value == null ? "null" : "<present>";
    }
}
