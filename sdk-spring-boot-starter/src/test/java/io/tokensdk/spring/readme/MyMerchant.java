package io.tokensdk.spring.readme;

import io.tokensdk.spring.sample.SampleMerchant;

/** The README's merchant (its code is the README's COF quick start; here the sample's). */
public class MyMerchant extends SampleMerchant {
}
