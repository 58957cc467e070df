package dev.hookstead.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The goals as Maven configures them from a POM: parameters, skip, failure messages. */
@MojoTest
class MojoHarnessTest {

    private static final String POM = "src/test/resources/unit/compile/pom.xml";
    private static final Path WEBAPP = Path.of("target/harness/webapp");

    @Test
    @InjectMojo(goal = "compile", pom = POM)
    @MojoParameter(name = "clientAppId", value = "override-abcde")
    void compileWritesTheManifestIntoTheWebapp(CompileMojo mojo) throws Exception {
        mojo.execute();
        String manifest = Files.readString(WEBAPP.resolve("WEB-INF/hookstead/manifest.json"));
        assertTrue(manifest.contains("\"clientAppId\" : \"override-abcde\""), "the parameter overrides the export");
        assertTrue(Files.isRegularFile(WEBAPP.resolve("WEB-INF/hookstead/prelude.js")));
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    @MojoParameter(name = "appDirectory", value = "../src-it/fails-on-bad-http-method/src/main/app")
    void validateFailsNamingTheFileAndField(ValidateMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("1 problem in the app export"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "compile", pom = POM)
    @MojoParameter(name = "appDirectory", value = "does/not/exist")
    void aMissingAppDirectorySaysWhatToSet(CompileMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("<appDirectory>"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "compile", pom = POM)
    @MojoParameter(name = "appDirectory", value = "does/not/exist")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(CompileMojo mojo) throws Exception {
        mojo.execute();
    }
}
