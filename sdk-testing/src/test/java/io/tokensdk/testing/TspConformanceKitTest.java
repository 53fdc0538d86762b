package io.tokensdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokensdk.model.tsp.CreateTokenReq;
import io.tokensdk.model.tsp.CreateTokenRes;
import io.tokensdk.model.tsp.UpdateTokenStateReq;
import io.tokensdk.server.MountOptions;
import io.tokensdk.server.RequestContext;
import io.tokensdk.testing.ConformanceReport.Outcome;
import io.tokensdk.testing.tsp.SampleTsp;
import io.tokensdk.testing.tsp.TspKeys;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The conformance kit over real HTTPS: the sample TSP conforms; broken TSPs get a report that says what broke. */
class TspConformanceKitTest {

  @Test
  void theSampleTspConforms() {
    ConformanceReport report = TspConformanceKit.check(SampleTsp::new);

    report.assertConforms();
    assertTrue(report.results().stream().allMatch(r -> r.outcome() == Outcome.PASS), report::toString);
    assertTrue(report.results().size() >= 20, report::toString);
  }

  @Test
  void aTspThatBreaksTheSpecFailsWithAReportNamingEachBrokenAnswer() {
    ConformanceReport report = TspConformanceKit.check(BrokenTsp::new);

    assertFalse(report.conforms());
    String text = report.toString();
    assertTrue(text.contains("FAIL    createToken: tokenInfo.encryptedData opens with the requestor key, and last4 and "
        + "exp match it: tokenInfo.last4 is not the end of the DPAN"), text);
    assertTrue(text.contains("FAIL    updateTokenState on an unknown token answers 400 errorRes 119: the call "
        + "succeeded"), text);
    assertTrue(text.contains("FAIL    listTokens by cardRefId lists the token as SUSPENDED: state is ACTIVE"), text);
    assertTrue(text.contains("FAIL    a DELETED token's credentials are refused with 400 errorRes: the call succeeded"), text);
    assertEquals(4, report.failures().size(), text);
    AssertionError failed = assertThrows(AssertionError.class, report::assertConforms);
    assertTrue(failed.getMessage().startsWith("TSP conformance of https://localhost:"), failed.getMessage());
    assertTrue(failed.getMessage().contains("4 of " + report.results().size() + " checks failed"), failed.getMessage());
  }

  @Test
  void aTspMountedWithoutDeduplicationFailsTheReplayCheck() {
    TestKeys keys = TestKeys.generate();
    try (FakeHost host = new FakeHost(new SampleTsp(keys.tspKeys()), MountOptions.builder().noDedupe().build(),
        keys.serverSslContext(), new FaultScript())) {
      ConformanceReport report = TspConformanceKit.forTestKeys("https://localhost:" + host.port()
          + "/tsp/trapi/v1.0", keys).run();

      assertEquals(1, report.failures().size(), report::toString);
      assertEquals("createToken sent again with the same x-request-id answers the same token "
          + "(x-tokensdk-deduplicated)", report.failures().get(0).check());
      assertEquals("a second token was created", report.failures().get(0).detail());
    }
  }

  @Test
  void aServerThatIsNotATspFailsEveryCheckOrSkipsWhatDependsOnThem() throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new AlwaysEmptyJson()), "/*");
    jetty.setHandler(context);
    jetty.start();
    try {
      TestKeys keys = TestKeys.generate();
      ConformanceReport report = TspConformanceKit.forTestKeys("http://localhost:" + connector.getLocalPort()
          + "/tsp/trapi/v1.0", keys).run();

      String text = report.toString();
      assertTrue(report.results().stream().noneMatch(r -> r.outcome() == Outcome.PASS
          && !r.check().startsWith("healthCheck")), text);
      assertTrue(text.contains("FAIL    createToken answers a createTokenRes the spec allows"), text);
      assertTrue(text.contains("SKIPPED updateTokenState to SUSPENDED answers 204: an earlier check failed"), text);
      assertTrue(text.contains("FAIL    a request without x-request-id answers 400 errorRes 111: HTTP 200, expected "
          + "400"), text);
    } finally {
      jetty.stop();
    }
  }

  /** Ignores unknown tokens and state changes, and reports a wrong last4. */
  static final class BrokenTsp extends SampleTsp {
    BrokenTsp(TspKeys keys) {
      super(keys);
    }

    @Override
    public CreateTokenRes createToken(CreateTokenReq req, RequestContext context) {
      CreateTokenRes res = super.createToken(req, context);
      res.getTokenInfo().last4(res.getTokenInfo().getLast4().equals("0000") ? "0001" : "0000");
      return res;
    }

    @Override
    public void updateTokenState(String tokenId, UpdateTokenStateReq req, RequestContext context) {
    }
  }

  /** Answers 200 {} to everything. */
  static final class AlwaysEmptyJson extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.setStatus(200);
      response.setContentType("application/json");
      response.getWriter().write("{}");
    }
  }
}
