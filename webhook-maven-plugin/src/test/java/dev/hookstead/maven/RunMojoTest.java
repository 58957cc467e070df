package dev.hookstead.maven;

import dev.hookstead.config.Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where webhook:run keeps the embedded database: the README's quickstart promises the project's folder. */
class RunMojoTest {

    @Test
    void theEmbeddedDatabaseLivesInTheProjectWhereverMavenWasStarted() {
        Path project = Path.of("/work/app/webhook-war-example");
        Settings unset = new Settings(name -> null, name -> null, name -> null);
        assertEquals("/work/app/webhook-war-example/hookstead-data", RunMojo.defaultDataDirectory(unset, project));

        Settings fromEnvironment = new Settings(name -> null, name -> null,
                Map.of("HOOKSTEAD_DATA_DIR", "/var/data")::get);
        assertNull(RunMojo.defaultDataDirectory(fromEnvironment, project), "the user's own setting wins");
    }
}
