package dev.hookstead.maven;

import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes a server API key, by id or name, and disables its user. */
@Mojo(name = "apikey-revoke", threadSafe = true, requiresProject = false)
public class ApiKeyRevokeMojo extends AbstractUserMojo {

    /** The key's id or name. */
    @Parameter(property = "webhook.keyName")
    protected String keyName;

    @Override
    protected void run(UserAdmin admin) throws MojoFailureException {
        var key = admin.revokeApiKey(required(keyName, "keyName"));
        getLog().info("Revoked API key '" + key.name() + "' (id " + key.keyId() + ")");
    }
}
