package dev.hookstead.maven;

import dev.hookstead.auth.admin.AdminException;
import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shared parameters of the user administration goals: they work on the user store the filter reads, in the MongoDB
 * at {@code mongoUri}, database {@code usersDatabase} (the filter's {@code hookstead.users.database}).
 */
abstract class AbstractUserMojo extends AbstractMojo {

    /** Connection string of the MongoDB holding the users, e.g. mongodb://localhost:27017. */
    @Parameter(property = "webhook.mongoUri")
    protected String mongoUri;

    /** Database of the user store; the filter's setting hookstead.users.database. */
    @Parameter(property = "webhook.usersDatabase", defaultValue = "hookstead-users")
    protected String usersDatabase;

    /** Skip this goal. */
    @Parameter(property = "webhook.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: webhook.skip is true");
            return;
        }
        try (UserAdmin admin = UserAdmin.connect(mongoUri, usersDatabase)) {
            run(admin);
        } catch (AdminException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (com.mongodb.MongoException e) {
            throw new MojoExecutionException("MongoDB failed: " + e.getMessage() + ". Check webhook.mongoUri and that "
                    + "the server is reachable", e);
        }
    }

    protected abstract void run(UserAdmin admin) throws MojoFailureException;

    static String required(String value, String parameter) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            throw new MojoFailureException("missing parameter: set -Dwebhook." + parameter + "=...");
        }
        return value;
    }
}
