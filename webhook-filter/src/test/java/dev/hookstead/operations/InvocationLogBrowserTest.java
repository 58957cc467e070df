package dev.hookstead.operations;

import dev.hookstead.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invocation log page in a real headless Chromium: invocations show, the filters narrow them, a detail opens. The
 * page takes its filters from the query string and the token from the URL fragment, so each view is one Chromium run;
 * a screenshot of the detail view is kept as target/invocation-log.png.
 */
class InvocationLogBrowserTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr data-id=\"([0-9a-f]{24})\" class=\"invocation\"><td>[^<]*</td><td>([^<]*)</td><td>[^<]*</td>"
                    + "<td[^>]*>(\\d+)</td>");

    @RegisterExtension
    final TestServer server = new TestServer();

    private record Row(String id, String route, int status) {
    }

    private static List<Row> rows(String dom) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) rows.add(new Row(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
        return rows;
    }

    private String view(String query) throws Exception {
        String dom = Chromium.dumpDom(server.uri("/hookstead/log/" + query + "#token=" + InvocationLogPageTest.TOKEN)
                .toString());
        assertTrue(dom.contains("data-loaded=\"true\""), () -> "the page finished loading:\n" + dom);
        return dom;
    }

    @Test
    void invocationsShowAndTheFiltersWork() throws Exception {
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", InvocationLogPageTest.TOKEN).app(InvocationLogPageTest.APP).start();
        assertEquals(200, server.post(webhookPath("hello") + "?who=browser", "").statusCode());
        assertEquals(400, server.post(webhookPath("boom"), "").statusCode());
        assertEquals(200, server.post(webhookPath("quiet"), "").statusCode());

        List<Row> all = rows(view(""));
        assertEquals(List.of("svc/quiet", "svc/boom", "svc/hello"), all.stream().map(Row::route).toList());
        assertEquals(List.of(200, 400, 200), all.stream().map(Row::status).toList());

        assertEquals(List.of("svc/boom"), rows(view("?status=400")).stream().map(Row::route).toList());
        assertEquals(List.of("svc/hello"), rows(view("?route=svc/hello")).stream().map(Row::route).toList());
        assertEquals(List.of("svc/boom"), rows(view("?error_code=FunctionExecutionError")).stream()
                .map(Row::route).toList());
        String none = view("?since=2999-01-01T00:00:00Z");
        assertTrue(rows(none).isEmpty());
        assertTrue(none.contains("No invocation matches."), none);

        String boomId = all.get(1).id();
        String boom = view("?status=400&id=" + boomId);
        assertTrue(boom.contains("<section id=\"detail\">"), () -> "the detail is shown:\n" + boom);
        assertTrue(boom.contains("FunctionExecutionError: Error: boom 1") || boom.contains("FunctionExecutionError: boom 1"),
                boom);
        assertTrue(boom.contains("webhooks/boom.js:3"), () -> "the stack maps to the source line:\n" + boom);

        String hello = view("?id=" + all.get(2).id());
        assertTrue(hello.contains("hello from browser"), hello);
        assertTrue(hello.contains("&quot;who&quot;: &quot;browser&quot;") || hello.contains("\"who\": \"browser\""),
                hello);
        String quiet = view("?id=" + all.get(0).id());
        assertTrue(quiet.contains("not logged (disable_arg_logs"), quiet);

        Path png = Path.of("target", "invocation-log.png");
        Files.deleteIfExists(png);
        Chromium.screenshot(server.uri("/hookstead/log/?id=" + boomId + "#token=" + InvocationLogPageTest.TOKEN)
                .toString(), png);
        assertTrue(Files.size(png) > 10_000, "a real screenshot, " + Files.size(png) + " bytes");
    }

    @Test
    void withoutTheTokenThePageAsksForItAndShowsNothing() throws Exception {
        server.env("HOOKSTEAD_LOG_ADMINTOKEN", InvocationLogPageTest.TOKEN).app(InvocationLogPageTest.APP).start();
        assertEquals(200, server.post(webhookPath("hello"), "").statusCode());
        String dom = Chromium.dumpDom(server.uri("/hookstead/log").toString());
        assertTrue(rows(dom).isEmpty(), dom);
        assertTrue(dom.contains("<form id=\"signin\">"), () -> "the sign-in form is shown:\n" + dom);
        assertFalse(dom.contains("svc/hello"), dom);
    }
}
