package dev.hookstead.build.run;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.manifest.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CurlCommandsTest {

    @TempDir
    Path tmp;

    private Manifest example() {
        return new AppCompiler(tmp.resolve("cache"), "test", 1)
                .compile(Path.of("..", "webhook-war-example", "src", "main", "app"), null, null).manifest();
    }

    @Test
    void signsTheSeedBodyWithThePublishedSignature() {
        Manifest m = example();
        String saveOrder = new CurlCommands(m, "http://h:1", name -> null)
                .webhook(m.webhooks().stream().filter(w -> w.name().equals("saveOrder")).findFirst().orElseThrow(),
                        CurlCommands.SAMPLE_BODY);
        assertTrue(saveOrder.contains("-H 'X-Hook-Signature: sha256=828ee180512eaf8a6229eda7eea72323f68e9c0f0093b11a5"
                + "78b0544c5777862' -d '{\"message\":\"MESSAGE\"}' 'http://h:1/api/client/v2.0/app/hookstead-example-abcde/"
                + "service/orders/incoming_webhook/saveOrder'"), saveOrder);
    }

    @Test
    void putsTheSecretInTheQueryAndUsesGetWithoutABody() {
        Manifest m = example();
        String all = String.join("\n", new CurlCommands(m, "http://h:1", name -> null).all("{}"));
        assertTrue(all.contains("'http://h:1/api/client/v2.0/app/hookstead-example-abcde/service/orders/"
                + "incoming_webhook/orderStatus?secret=12345'"), all);
        assertTrue(all.contains("curl -i -X GET 'http://h:1/api/client/v2.0/app/hookstead-example-abcde/service/orders/"
                + "incoming_webhook/ping'"), all);
    }
}
