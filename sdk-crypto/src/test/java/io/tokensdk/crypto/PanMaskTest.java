package io.tokensdk.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PanMaskTest {
    @Test
    void keepsFirstSixAndLastFour() {
        assertEquals("520473******4792", PanMask.mask("5204731234564792"));
        assertEquals("411111*********1111", PanMask.mask("4111111111111111111"));
        assertEquals("411111***1111", PanMask.mask("4111111231111"));
    }

    @Test
    void shortValuesRevealLess() {
        assertEquals("********1111", PanMask.mask("411111111111"));
        assertEquals("*2345", PanMask.mask("12345"));
        assertEquals("****", PanMask.mask("1234"));
        assertEquals("", PanMask.mask(""));
        assertEquals("null", PanMask.mask(null));
    }

    @Test
    void cvvIsFullyMasked() {
        assertEquals("***", PanMask.maskFully("1234"));
        assertEquals("***", PanMask.maskFully("123"));
    }
}
