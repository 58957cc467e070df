package dev.hookstead.maven;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.auth.admin.UserAdmin;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The user administration goals as Maven configures them, against a MongoDB started by the test. */
@MojoTest
class UserGoalsHarnessTest {

    private static final String POM = "src/test/resources/unit/users/pom.xml";

    private MongoServer mongo;
    private String uri;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        mongo.shutdown();
    }

    private <T extends AbstractUserMojo> T connect(T mojo) {
        mojo.mongoUri = uri;
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add(content.toString());
            }
        });
        return mojo;
    }

    private UserAdmin admin() {
        return UserAdmin.connect(uri, "harness-users");
    }

    @Test
    @InjectMojo(goal = "user-add", pom = POM)
    @MojoParameter(name = "email", value = "ann@example.com")
    @MojoParameter(name = "password", value = "correct horse")
    void userAddThenDuplicateFailsClearly(UserAddMojo mojo) throws Exception {
        connect(mojo).execute();
        assertTrue(log.get(0).startsWith("Added user "), log.toString());
        try (UserAdmin admin = admin()) {
            assertEquals(List.of("local-userpass:ann@example.com"), admin.listUsers().get(0).logins());
        }
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("a user with email ann@example.com already exists", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "user-add", pom = POM)
    @MojoParameter(name = "email", value = "ann@example.com")
    void userAddWithoutPasswordNamesTheParameter(UserAddMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> connect(mojo).execute());
        assertEquals("missing parameter: set -Dwebhook.password=...", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "user-list", pom = POM)
    void userListWithoutUriSaysWhatToSet(UserListMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("-Dwebhook.mongoUri"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apikey-create", pom = POM)
    @MojoParameter(name = "keyName", value = "billing")
    void apiKeyCreatePrintsTheKeyOnceAndRevokeRemovesIt(ApiKeyCreateMojo mojo) throws Exception {
        connect(mojo).execute();
        String printed = log.get(1);
        String key = printed.substring(printed.lastIndexOf(' ') + 1);
        assertTrue(key.matches("[A-Za-z0-9]{64}"), printed);
        try (UserAdmin admin = admin()) {
            assertEquals("billing", admin.listApiKeys().get(0).name());
        }
        ApiKeyRevokeMojo revoke = connect(new ApiKeyRevokeMojo());
        revoke.usersDatabase = "harness-users";
        revoke.keyName = "billing";
        revoke.execute();
        try (UserAdmin admin = admin()) {
            assertTrue(admin.listApiKeys().isEmpty());
            assertTrue(admin.listUsers().get(0).disabled());
        }
        assertThrows(MojoFailureException.class, revoke::execute);
    }

    @Test
    @InjectMojo(goal = "users-import", pom = POM)
    void usersImportThenListAndDisable(UsersImportMojo mojo) throws Exception {
        Path file = Files.createTempFile("users", ".json");
        Files.writeString(file, "[{\"email\": \"a@example.com\", \"password\": \"secret-a\"},"
                + " {\"email\": \"b@example.com\", \"password\": \"secret-b\"}]");
        mojo.usersFile = file.toFile();
        connect(mojo).execute();
        assertEquals("Imported 2 users from " + file, log.get(0));

        UserDisableMojo disable = connect(new UserDisableMojo());
        disable.usersDatabase = "harness-users";
        disable.user = "b@example.com";
        disable.execute();

        UserListMojo list = connect(new UserListMojo());
        list.usersDatabase = "harness-users";
        list.execute();
        assertTrue(log.contains("2 users"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.endsWith("normal  disabled  local-userpass:b@example.com")), log.toString());
        Files.delete(file);
    }
}
