package dev.hookstead.script.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstead.bson.Ejson;
import dev.hookstead.manifest.AppInfo;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.ValueDef;
import dev.hookstead.pipeline.FunctionResult;
import dev.hookstead.pipeline.FunctionRunner;
import dev.hookstead.script.DirectoryScriptSource;
import dev.hookstead.script.TestOptions;
import dev.hookstead.script.ScriptRuntime;
import dev.hookstead.script.Scripts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** context.values, context.environment and context.app from the manifest. */
class PlatformContextTest {

    @Test
    void valuesEnvironmentAndApp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path dir = Files.createTempDirectory("hookstead-context");
        Files.writeString(dir.resolve("prelude.js"), dev.hookstead.script.compile.Prelude.build(), StandardCharsets.UTF_8);
        var compiled = new dev.hookstead.script.compile.ScriptCompiler().compile("functions/v.js",
                "exports = () => [context.values.get('plain'), context.values.get('obj').n, context.values.get('secretValue'),"
                        + " typeof context.values.get('missing'), typeof context.values.get('unsetSecret'),"
                        + " context.environment.tag, context.environment.values.region, context.app.clientAppId, context.app.deployment.model];");
        Files.writeString(dir.resolve("v.js"), compiled.es5(), StandardCharsets.UTF_8);
        Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, "test",
                new AppInfo("myapp-abcde", "5f00", "myapp", null, 20210101, "GLOBAL", "US-VA", "aws-us-east-1", "production", null),
                "prelude.js", null, null, null, null,
                List.of(new ValueDef("plain", json.readTree("\"text\""), false, null, null),
                        new ValueDef("obj", json.readTree("{\"n\": 2}"), false, null, null),
                        new ValueDef("secretValue", null, true, "apiKey", null),
                        new ValueDef("unsetSecret", null, true, "nope", null)),
                Map.of("production", json.readTree("{\"values\": {\"region\": \"eu\"}}")), null, null, null);
        TestOptions options = Scripts.fastOptions().withFunctionTimeout(Duration.ofSeconds(5))
                .withSecrets(name -> name.equals("apiKey") ? "s3cr3t" : null);
        try (ScriptRuntime runtime = options.runtime(manifest, new DirectoryScriptSource(dir))) {
            var ref = new dev.hookstead.manifest.ScriptRef("v.js", "functions/v.js", "0", compiled.lines());
            FunctionResult r = runtime.runHttp(ref, FunctionRunner.PayloadStyle.RAW, Scripts.request(null), dev.hookstead.pipeline.AppUser.SYSTEM, "t");
            assertEquals("[\"text\", {\"$numberInt\": \"2\"}, \"s3cr3t\", \"undefined\", \"undefined\", \"production\", \"eu\","
                    + " \"myapp-abcde\", \"GLOBAL\"]", Ejson.canonical(r.returnValue()));
        }
    }
}
