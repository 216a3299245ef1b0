package dev.drill.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardAddressTest {

  @Test
  void aPortAloneIsThisMachineOnly() {
    assertEquals(Optional.of(new BoardAddress("127.0.0.1", 8787)), BoardAddress.parse("8787"));
    assertEquals(Optional.of(new BoardAddress("127.0.0.1", 0)), BoardAddress.parse("0"));
  }

  @Test
  void aHostIsTakenAsGiven() {
    assertEquals(Optional.of(new BoardAddress("0.0.0.0", 8787)), BoardAddress.parse("0.0.0.0:8787"));
    assertEquals(Optional.of(new BoardAddress("::1", 80)), BoardAddress.parse("[::1]:80"));
  }

  @Test
  void anythingElseIsRefused() {
    for (String spec : new String[] {"", "x", "65536", "host:", ":80", "80x", "-1", "123456"}) {
      assertEquals(Optional.empty(), BoardAddress.parse(spec), spec);
    }
  }

  @Test
  void formFieldsAreDecodedAndTheFirstOfANameWins() {
    assertEquals("<a b>", BoardServer.form("text=%3Ca+b%3E&text=second").get("text"));
    assertEquals("", BoardServer.form("author&text=x").get("author"));
    assertEquals(null, BoardServer.form("bad=%zz").get("bad"));
  }
}
