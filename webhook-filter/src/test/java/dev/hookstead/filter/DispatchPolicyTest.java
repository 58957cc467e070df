package dev.hookstead.filter;

import dev.hookstead.manifest.ManifestJson;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestFilter;
import dev.hookstead.testing.TestRunner;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hookstead.testing.TestApps.webhook;
import static dev.hookstead.testing.TestApps.webhookPath;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dispatches a container rarely produces in tests: non-REQUEST types and requests already handled. */
class DispatchPolicyTest {

    private final TestRunner runner = new TestRunner();
    private final AtomicInteger chained = new AtomicInteger();
    private final FilterChain chain = (req, res) -> chained.incrementAndGet();

    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("getResourceAsStream")) {
                return new ByteArrayInputStream(ManifestJson.write(TestApps.app(webhook("hook"))));
            }
            return answers.get(method.getName());
        });
    }

    private HooksteadFilter initialisedFilter() throws Exception {
        ServletContext context = fake(ServletContext.class, Map.of());
        FilterConfig config = fake(FilterConfig.class, Map.of("getServletContext", context));
        HooksteadFilter filter = new TestFilter(name -> null, runner);
        filter.init(config);
        return filter;
    }

    private static HttpServletRequest request(DispatcherType type, Object handled) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("getDispatcherType", type);
        answers.put("getServletPath", webhookPath("hook"));
        if (handled != null) answers.put("getAttribute", handled);
        return fake(HttpServletRequest.class, answers);
    }

    @Test
    void onlyFreshRequestDispatchesAreHandled() throws Exception {
        HooksteadFilter filter = initialisedFilter();
        HttpServletResponse response = fake(HttpServletResponse.class, Map.of());

        for (DispatcherType type : new DispatcherType[] {DispatcherType.ASYNC, DispatcherType.ERROR,
                DispatcherType.FORWARD, DispatcherType.INCLUDE}) {
            filter.doFilter(request(type, null), response, chain);
        }
        filter.doFilter(request(DispatcherType.REQUEST, Boolean.TRUE), response, chain);

        assertEquals(5, chained.get());
        assertEquals(0, runner.calls);
    }
}
