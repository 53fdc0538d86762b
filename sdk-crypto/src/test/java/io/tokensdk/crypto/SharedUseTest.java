package io.tokensdk.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.tokensdk.crypto.cms.CmsEnvelopeOpener;
import io.tokensdk.crypto.cms.CmsEnvelopeSealer;
import io.tokensdk.crypto.cms.CmsKeyTransport;
import io.tokensdk.crypto.jwe.JweOpener;
import io.tokensdk.crypto.jwe.JweSealer;
import io.tokensdk.crypto.payload.CardInfo;
import io.tokensdk.crypto.payload.TokenData;
import io.tokensdk.crypto.raw.RawMode;
import io.tokensdk.crypto.raw.RawOpener;
import io.tokensdk.crypto.raw.RawSealer;
import java.security.Security;
import java.util.stream.IntStream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** One sealer and one opener per envelope, used from many threads; no provider ever registered globally. */
class SharedUseTest {
    @Test
    void sealersAndOpenersAreReusableAcrossThreadsWithoutGlobalProviders() throws Exception {
        TestPki.RsaIdentity tsp = TestPki.rsa(2048);
        CmsEnvelopeSealer cmsSealer = CmsEnvelopeSealer.forRecipient(tsp.certificate(), CmsKeyTransport.RSA_OAEP_SHA256);
        CmsEnvelopeOpener cmsOpener = CmsEnvelopeOpener.forRecipient(tsp.keyPair().getPrivate(), tsp.certificate());
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        JweSealer jweSealer = JweSealer.ecdhEs(ec);
        JweOpener jweOpener = JweOpener.ecdhEs(new JWKSet(ec));
        SecretKeySpec kek = new SecretKeySpec(new byte[32], "AES");
        RawSealer rawSealer = RawSealer.builder(kek).mode(RawMode.GCM).build();
        RawOpener rawOpener = RawOpener.forKey(kek);

        IntStream.range(0, 64).parallel().forEach(i -> {
            String pan = TestPans.withCheckDigit("5204731234" + String.format("%05d", i));
            CardInfo card = CardInfo.builder().fpan(pan).build();
            assertEquals(card, cmsOpener.open(cmsSealer.seal(card), CardInfo.TYPE));
            TokenData token = TokenData.of(pan, "1230");
            assertEquals(token, jweOpener.open(jweSealer.seal(token), TokenData.TYPE));
            assertEquals(pan, new String(rawOpener.open(rawSealer.seal(pan.getBytes()))));
        });
        assertNull(Security.getProvider("BC"), "no provider may be added to the JVM");
    }
}
