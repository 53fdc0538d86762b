package io.tokensdk.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers of an answer behave as the ordered, unmodifiable map they always were, and encode the same bytes. */
class ServerResponseHeadersTest {
  private final ServerResponse answer = ServerResponse.json(200, "{\"a\":1}")
      .withHeader("Cache-Control", "no-store")
      .withHeader("x-request-id", "r1");

  @Test
  void headersKeepTheirOrderAndAnAddedNameReplacesInPlace() {
    ServerResponse replaced = answer.withHeader("Content-Type", "text/plain").withHeader("Retry-After", "3");
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("Content-Type", ServerResponse.JSON);
    expected.put("Cache-Control", "no-store");
    expected.put("x-request-id", "r1");
    expected.put("Content-Type", "text/plain");
    expected.put("Retry-After", "3");
    assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(replaced.headers().entrySet()));
    assertEquals(List.of("Content-Type", "Cache-Control", "x-request-id"), new ArrayList<>(answer.headers().keySet()));
    assertEquals(ServerResponse.JSON, answer.headers().get("Content-Type"), "the first answer is unchanged");
  }

  @Test
  void theHeadersAreAMapLikeAnyOther() {
    Map<String, String> same = new HashMap<>(Map.of("Content-Type", ServerResponse.JSON, "Cache-Control", "no-store",
        "x-request-id", "r1"));
    assertEquals(same, answer.headers());
    assertEquals(answer.headers(), same);
    assertEquals(same.hashCode(), answer.headers().hashCode());
    assertEquals("{Content-Type=application/json; charset=utf-8, Cache-Control=no-store, x-request-id=r1}",
        answer.headers().toString());
    assertNull(answer.headers().get("content-type"), "names are case-sensitive, as before");
    assertTrue(answer.headers().containsKey("x-request-id"));
    List<String> seen = new ArrayList<>();
    answer.headers().forEach((name, value) -> seen.add(name + ": " + value));
    assertEquals(List.of("Content-Type: " + ServerResponse.JSON, "Cache-Control: no-store", "x-request-id: r1"), seen);
    assertEquals(Map.of(), ServerResponse.empty(204).headers());
  }

  @Test
  void theHeadersCannotBeChanged() {
    Map<String, String> headers = answer.headers();
    assertThrows(UnsupportedOperationException.class, () -> headers.put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> headers.remove("x-request-id"));
    assertThrows(UnsupportedOperationException.class, headers::clear);
    Iterator<Map.Entry<String, String>> iterator = headers.entrySet().iterator();
    Map.Entry<String, String> first = iterator.next();
    assertThrows(UnsupportedOperationException.class, iterator::remove);
    assertThrows(UnsupportedOperationException.class, () -> first.setValue("x"));
    assertEquals(3, headers.size());
  }

  @Test
  void theConstructorCopiesTheMapAndRefusesNulls() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("b", "2");
    given.put("a", "1");
    ServerResponse response = new ServerResponse(200, given, new byte[] {1});
    given.put("c", "3");
    assertEquals(List.of("b", "a"), new ArrayList<>(response.headers().keySet()));
    given.put("d", null);
    NullPointerException nullValue = assertThrows(NullPointerException.class,
        () -> new ServerResponse(200, given, null));
    assertTrue(nullValue.getMessage().startsWith("headers"), nullValue.getMessage());
    assertThrows(NullPointerException.class,
        () -> new ServerResponse(200, Collections.singletonMap(null, "v"), null));
    assertThrows(NullPointerException.class, () -> answer.withHeader("a", null));
  }

  @Test
  void theEncodingIsTheSameBytesAsBeforeAndReadsBackInOrder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeShort(200);
      out.writeShort(3);
      for (String each : List.of("Content-Type", ServerResponse.JSON, "Cache-Control", "no-store", "x-request-id",
          "r1")) {
        out.writeUTF(each);
      }
      byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
      out.writeInt(body.length);
      out.write(body);
    }
    assertArrayEquals(bytes.toByteArray(), answer.encode());
    ServerResponse decoded = ServerResponse.decode(answer.encode());
    assertEquals(new ArrayList<>(answer.headers().entrySet()), new ArrayList<>(decoded.headers().entrySet()));
    assertArrayEquals(answer.body(), decoded.body());
    assertEquals(answer.toString(), decoded.toString());
  }
}
