import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.auth.admin.UserAdmin;
import dev.hookstead.manifest.AuthProviderDef;
import dev.hookstead.manifest.RunAs;
import dev.hookstead.manifest.ValidationMethod;
import dev.hookstead.manifest.WebhookDef;
import dev.hookstead.testing.JsApp;
import dev.hookstead.testing.TestApps;
import dev.hookstead.testing.TestServer;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Unknown email vs wrong password, over HTTP against the real filter: both must take about as long, or response time
 * tells an attacker which emails have accounts. Requests alternate, so machine load affects both series alike.
 */
public class AuthTimingBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int warmup = 20;
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        try (UserAdmin admin = UserAdmin.connect(uri, "hookstead-users")) {
            admin.addUser("ann@example.com", "correct horse battery");
        }
        WebhookDef base = TestApps.webhook("hook");
        WebhookDef hook = new WebhookDef("svc", "http", "hook", "POST", ValidationMethod.NO_VALIDATION, null, null,
                true, new RunAs(RunAs.Mode.APPLICATION, null, null), null, false, false, false, null, base.source());
        TestServer server = new TestServer().env("HOOKSTEAD_SERVICE_HOOKSTEAD_USERS_URI", uri)
                .app(new JsApp().webhook(hook, "exports = () => context.user.id;")
                        .authProvider(new AuthProviderDef("local-userpass", "local-userpass", false, null, null, null,
                                "auth/providers.json")))
                .start();
        String path = TestApps.webhookPath("hook");
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < warmup + rounds; i++) {
            long u = time(server, path, "nobody" + i + "@example.com");
            long w = time(server, path, "ann@example.com");
            if (i >= warmup) {
                unknown.add(u);
                wrong.add(w);
            }
        }
        double mu = median(unknown);
        double mw = median(wrong);
        System.out.printf("rounds=%d (after %d warm-up rounds), bcrypt cost %d%n", rounds, warmup,
                dev.hookstead.auth.PasswordHasher.COST);
        System.out.printf("unknown email : median %.1f ms, mean %.1f ms%n", mu / 1e6, mean(unknown) / 1e6);
        System.out.printf("wrong password: median %.1f ms, mean %.1f ms%n", mw / 1e6, mean(wrong) / 1e6);
        double ratio = mu / mw;
        System.out.printf("ratio unknown/wrong (medians): %.3f -> %s (goal: within 0.80..1.20)%n", ratio,
                ratio >= 0.8 && ratio <= 1.2 ? "met" : "NOT met");
        mongo.shutdown();
        System.exit(0);
    }

    private static long time(TestServer server, String path, String email) {
        long start = System.nanoTime();
        HttpResponse<String> r = server.post(path, "{}", "email", email, "password", "wrong password!");
        long elapsed = System.nanoTime() - start;
        if (r.statusCode() != 401) throw new IllegalStateException("expected 401, got " + r.statusCode() + " " + r.body());
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
