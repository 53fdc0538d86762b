package io.tokensdk.spring.readme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class MerchantApplication {
  public static void main(String[] args) {
    SpringApplication.run(MerchantApplication.class, args);
  }

  @Bean
  MyMerchant merchant() {        // extends CofNotificationHandler: served at /tsh-cof
    return new MyMerchant();
  }
}
