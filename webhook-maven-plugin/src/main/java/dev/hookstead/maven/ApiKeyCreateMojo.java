package dev.hookstead.maven;

import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Creates a server API key and prints it once: only its SHA-256 is stored, so it cannot be shown again. */
@Mojo(name = "apikey-create", threadSafe = true, requiresProject = false)
public class ApiKeyCreateMojo extends AbstractUserMojo {

    /** A unique name for the key: 1-64 letters, digits, '_', '.' or '-'. */
    @Parameter(property = "webhook.keyName")
    protected String keyName;

    @Override
    protected void run(UserAdmin admin) throws MojoFailureException {
        UserAdmin.NewApiKey key = admin.createApiKey(required(keyName, "keyName"));
        getLog().info("Created API key '" + key.name() + "' (id " + key.keyId() + ", user " + key.userId() + ")");
        getLog().info("API key (shown only now; send it in the api-key header): " + key.key());
    }
}
