package io.tokensdk.crypto.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.tokensdk.crypto.InvalidPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PayloadTest {
    private static final String PAN = "5204731234564790";
    private static final String CVV = "9876";

    @Test
    void cardInfoFollowsTheSpecTable() {
        CardInfo full = CardInfo.builder().fpan(PAN).exp("1228").cvv("123").build();
        assertEquals("{\"fpan\":\"5204731234564790\",\"exp\":\"1228\",\"cvv\":\"123\"}", utf8(full.toPlaintext()));
        assertEquals(full, CardInfo.TYPE.fromPlaintext(full.toPlaintext()));
        CardInfo minimal = CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"5204731234564790\"}"));
        assertNull(minimal.exp());
        assertNull(minimal.cvv());
        // an unknown member is what an altered member name looks like in an unauthenticated envelope
        invalid("payload", () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"5204731234564790\",\"future\":1}")));
        invalid("payload", () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"5204731234564790\",\"cwv\":\"123\"}")));

        invalid("fpan", () -> CardInfo.builder().exp("1228").build());
        invalid("fpan", () -> CardInfo.builder().fpan("52047312345647901234").build());
        invalid("fpan", () -> CardInfo.builder().fpan("520473123456479X").build());
        invalid("exp", () -> CardInfo.builder().fpan(PAN).exp("1328").build());
        invalid("exp", () -> CardInfo.builder().fpan(PAN).exp("12/28").build());
        invalid("cvv", () -> CardInfo.builder().fpan(PAN).cvv("12").build());
        invalid("cvv", () -> CardInfo.builder().fpan(PAN).cvv("12345").build());
        JsonObject big = new JsonObject();
        big.addProperty("x", "y".repeat(8177));
        invalid("additionalCardInfos", () -> CardInfo.builder().fpan(PAN).additionalCardInfos(big).build());
        invalid("fpan", () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":5204731234564790}")));
        invalid("payload", () -> CardInfo.TYPE.fromPlaintext(bytes("[\"" + PAN + "\"]")));
        invalid("payload", () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"" + PAN + "\"")));
        invalid("payload", () -> CardInfo.TYPE.fromPlaintext(bytes("{'fpan':'" + PAN + "'}")));
        invalid("payload", () -> CardInfo.TYPE.fromPlaintext(new byte[] {(byte) 0xff, (byte) 0xfe}));
    }

    @Test
    void everyPanPassesTheLuhnCheckSoAnySingleAlteredDigitFails() {
        for (int i = 0; i < PAN.length(); i++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == PAN.charAt(i)) {
                    continue;
                }
                String altered = PAN.substring(0, i) + digit + PAN.substring(i + 1);
                invalid("fpan", () -> CardInfo.builder().fpan(altered).build());
                invalid("fpan", () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"" + altered + "\"}")));
                invalid("dpan", () -> TokenData.TYPE.fromPlaintext(bytes("{\"dpan\":\"" + altered + "\",\"exp\":\"1228\"}")));
                invalid("accountNumber", () -> AccountNumber.TYPE.fromPlaintext(bytes(altered)));
            }
        }
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> TokenPanInfo.of("4111111111111112"));
        assertEquals("invalid payload field 'dpan': fails the Luhn check", e.getMessage());
        assertEquals("4111111111111111", FundingPanInfo.of("4111111111111111").fpan());
    }

    @Test
    void newCardInfoNeedsAtLeastOneField() {
        invalid("newFpan", () -> NewCardInfo.builder().build());
        invalid("newFpan", () -> NewCardInfo.TYPE.fromPlaintext(bytes("{}")));
        assertEquals("0129", NewCardInfo.builder().newExp("0129").build().newExp());
        invalid("newExp", () -> NewCardInfo.builder().newExp("0029").build());
        NewCardInfo info = NewCardInfo.builder().newFpan(PAN).build();
        assertEquals(info, NewCardInfo.TYPE.fromPlaintext(info.toPlaintext()));
    }

    @Test
    void listTokensPayloads() {
        assertEquals("{\"fpan\":\"" + PAN + "\"}", utf8(FundingPanInfo.of(PAN).toPlaintext()));
        assertEquals("{\"dpan\":\"" + PAN + "\"}", utf8(TokenPanInfo.of(PAN).toPlaintext()));
        invalid("payload", () -> TokenPanInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"" + PAN + "\"}")));
        invalid("dpan", () -> TokenPanInfo.TYPE.fromPlaintext(bytes("{}")));
        invalid("fpan", () -> FundingPanInfo.of(null));
    }

    @Test
    void tokenCredentialsFollowTheSpecTable() {
        String example = "{\"dpan\":\"9580981500100003\", \"exp\":\"1232\", \"fpan\":\"9680981500100002\", "
                + "\"fpanExp\":\"1230\", \"paymentAccountReference\":\"23R0PAYMENTACCOUNTREFERENCEXX\", "
                + "\"serviceCode\":\"123\", \"psn\":\"01\"}";
        TokenCredentials credentials = TokenCredentials.TYPE.fromPlaintext(bytes(example));
        assertEquals("23R0PAYMENTACCOUNTREFERENCEXX", credentials.paymentAccountReference());
        TokenCredentials minimal = TokenCredentials.TYPE.fromPlaintext(bytes(
                "{\"dpan\":\"9580981500100003\",\"exp\":\"1232\",\"fpan\":\"9680981500100002\",\"fpanExp\":\"1230\"}"));
        assertNull(minimal.psn());
        invalid("fpanExp", () -> TokenCredentials.TYPE.fromPlaintext(bytes(
                "{\"dpan\":\"9580981500100003\",\"exp\":\"1232\",\"fpan\":\"9680981500100002\"}")));
        invalid("paymentAccountReference", () -> TokenCredentials.builder().dpan(PAN).exp("1232").fpan(PAN)
                .fpanExp("1230").paymentAccountReference("SHORT").build());
        invalid("serviceCode", () -> TokenCredentials.builder().dpan(PAN).exp("1232").fpan(PAN).fpanExp("1230")
                .serviceCode("12").build());
        invalid("psn", () -> TokenCredentials.builder().dpan(PAN).exp("1232").fpan(PAN).fpanExp("1230")
                .psn("1").build());
        assertEquals(TokenData.of("9580981500100003", "1222"),
                TokenData.TYPE.fromPlaintext(bytes("{\"dpan\":\"9580981500100003\", \"exp\":\"1222\"}")));
        invalid("exp", () -> TokenData.of(PAN, null));
    }

    @Test
    void accountNumberIsDigitsOnly() {
        assertEquals(PAN, AccountNumber.TYPE.fromPlaintext(bytes(PAN)).value());
        invalid("accountNumber", () -> AccountNumber.TYPE.fromPlaintext(bytes("{\"pan\":\"" + PAN + "\"}")));
    }

    @Test
    void toStringAndErrorsNeverShowPanOrCvv() {
        List<Object> payloads = List.of(
                CardInfo.builder().fpan(PAN).exp("1228").cvv(CVV).build(),
                NewCardInfo.builder().newFpan(PAN).build(),
                FundingPanInfo.of(PAN), TokenPanInfo.of(PAN), TokenData.of(PAN, "1228"), AccountNumber.of(PAN),
                TokenCredentials.builder().dpan(PAN).exp("1232").fpan(PAN).fpanExp("1230").build());
        for (Object payload : payloads) {
            String text = payload.toString();
            assertFalse(text.contains(PAN), text);
            assertFalse(text.contains(CVV), text);
            assertFalse(text.contains("1228"), text);
            assertTrue(text.contains("520473******4790"), text);
        }
        assertTrue(payloads.get(0).toString().contains("cvv=***"));

        List<Executable> bad = List.of(
                () -> CardInfo.builder().fpan(PAN + "9999").cvv(CVV).build(),
                () -> CardInfo.builder().fpan(PAN).cvv(CVV + "1").build(),
                () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"" + PAN + "\",\"cvv\":\"" + CVV + "5\"}")),
                () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"" + PAN + "\",\"cvv\":" + CVV + "}")),
                () -> CardInfo.TYPE.fromPlaintext(bytes("{\"fpan\":\"" + PAN + "\",\"cvv\":\"" + CVV + "\"")));
        for (Executable executable : bad) {
            InvalidPayloadException e = assertThrows(InvalidPayloadException.class, executable);
            assertFalse(e.getMessage().contains(PAN), e.getMessage());
            assertFalse(e.getMessage().contains(CVV), e.getMessage());
            assertNull(e.getCause());
        }
    }

    private static void invalid(String field, Executable executable) {
        InvalidPayloadException e = assertThrows(InvalidPayloadException.class, executable);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid payload field '" + field + "': "), e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
