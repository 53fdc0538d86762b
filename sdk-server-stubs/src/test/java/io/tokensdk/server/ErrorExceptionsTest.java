package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokensdk.model.cof.CofError;
import io.tokensdk.model.pat.StatusCode;
import io.tokensdk.model.tsp.TspResponseCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The handler exceptions take their HTTP statuses from the specs' code tables. */
class ErrorExceptionsTest {

  @Test
  void tspCodesAreAnsweredWithTheirTableStatus() {
    for (TspResponseCode code : TspResponseCode.values()) {
      assertEquals(code.httpStatus(), new TspErrorException(code).httpStatus(), code.name());
    }
    assertEquals(400, new TspErrorException(777, "new").httpStatus(), "errorRes is declared on 400 only");
    assertThrows(IllegalArgumentException.class, () -> new TspErrorException((TspResponseCode) null));
  }

  @Test
  void cofErrorsAreTheTableRowsAHandlerMayGive() {
    assertEquals(429, new CofErrorException(CofError.TOO_MANY_REQUESTS, Duration.ofSeconds(3)).status());
    assertEquals(CofError.NOT_FOUND, new CofErrorException(404).error());
    assertThrows(IllegalArgumentException.class, () -> new CofErrorException(CofError.UNAUTHORIZED));
    assertThrows(IllegalArgumentException.class, () -> new CofErrorException(401));
    assertThrows(IllegalArgumentException.class, () -> new CofErrorException(418));
    assertThrows(IllegalArgumentException.class, () -> new CofErrorException(CofError.SERVICE_UNAVAILABLE,
        Duration.ofSeconds(-1)));
  }

  @Test
  void patCodesCarryTheirTableStatus() {
    assertEquals(400, new PatErrorException(StatusCode._1301, null).httpStatus());
    assertEquals(500, new PatErrorException(StatusCode._1300, null).httpStatus());
    assertEquals(500, new PatErrorException(StatusCode._1399, null).httpStatus());
    assertThrows(IllegalArgumentException.class, () -> new PatErrorException(StatusCode._0000, null));
    assertThrows(IllegalArgumentException.class, () -> new PatErrorException(StatusCode.UNKNOWN_TO_SDK_VERSION, null));
  }
}
