package dev.hookstead.maven;

import dev.hookstead.build.AppCompiler;
import dev.hookstead.build.run.CurlCommands;
import dev.hookstead.config.Settings;
import dev.hookstead.manifest.EndpointDef;
import dev.hookstead.manifest.Manifest;
import dev.hookstead.manifest.WebhookDef;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the signature header (or {@code ?secret=}) and a curl command for a body sent to a webhook or endpoint,
 * e.g. {@code mvn webhook:sign -Dwebhook.target=orders/saveOrder -Dwebhook.body='{"someField":"x"}'}.
 */
@Mojo(name = "sign", threadSafe = true)
public class SignMojo extends AbstractAppMojo {

    /** {@code <service>/<webhook>} or an endpoint route such as {@code /orders}. */
    @Parameter(property = "webhook.target", required = true)
    private String target;

    /** The exact body to sign; the signature covers these bytes as sent. */
    @Parameter(property = "webhook.body", defaultValue = CurlCommands.SAMPLE_BODY)
    private String body;

    /** Base URL of the server the command should call. */
    @Parameter(property = "webhook.baseUrl", defaultValue = "http://127.0.0.1:8080")
    private String baseUrl;

    @Override
    protected Path outputDirectory() {
        return null;
    }

    @Override
    protected void report(AppCompiler.Result result, long millis) throws MojoExecutionException {
        Manifest manifest = result.manifest();
        Settings settings = new Settings(name -> null, System::getProperty, System::getenv);
        CurlCommands curls = new CurlCommands(manifest, baseUrl, settings::secret);
        List<String> found = new ArrayList<>();
        for (WebhookDef w : manifest.webhooks()) {
            if (target.equals(w.service() + "/" + w.name())) found.add(curls.webhook(w, body));
        }
        for (EndpointDef e : manifest.endpoints()) {
            if (target.equals(e.route())) found.add(curls.endpoint(e, body));
        }
        if (found.isEmpty()) {
            List<String> known = new ArrayList<>();
            manifest.webhooks().forEach(w -> known.add(w.service() + "/" + w.name()));
            manifest.endpoints().forEach(e -> known.add(e.route()));
            throw new MojoExecutionException("<target> \"" + target + "\" is neither a webhook (<service>/<name>) nor "
                    + "an endpoint route of this app. Fix: use one of " + String.join(", ", known));
        }
        // The output is what the user asked for: on stdout, so that it shows under mvn -q and can be piped.
        found.forEach(System.out::println);
    }
}
