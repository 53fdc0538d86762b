package io.tokensdk.crypto;

/**
 * A payload breaks a rule of the spec. The message names the field and the rule, never the value.
 */
public final class InvalidPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The field name used when the plaintext as a whole is not a payload (not UTF-8, not JSON, not an object). */
    public static final String WHOLE_PAYLOAD = "payload";

    private final String field;

    /**
     * Creates the error.
     *
     * @param field the JSON name of the offending field ({@code "payload"} for the whole document)
     * @param problem the rule that is broken, for example {@code "must be 4 digits in the format MMYY"}
     */
    public InvalidPayloadException(String field, String problem) {
        super("invalid payload field '" + field + "': " + problem);
        this.field = field;
    }

    /**
     * Returns the JSON name of the offending field.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }
}
