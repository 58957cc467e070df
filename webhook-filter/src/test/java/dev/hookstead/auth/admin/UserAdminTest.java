package dev.hookstead.auth.admin;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.hookstead.auth.ApiKeys;
import dev.hookstead.auth.PasswordHasher;
import dev.hookstead.auth.UserStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class UserAdminTest {

    private MongoServer mongo;
    private MongoClient client;
    private UserAdmin admin;
    private UserStore store;

    @BeforeEach
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        admin = UserAdmin.connect(uri, "users-db");
        client = MongoClients.create(uri);
        store = new UserStore(client.getDatabase("users-db"));
    }

    @AfterEach
    void stop() {
        admin.close();
        client.close();
        mongo.shutdown();
    }

    @Test
    void addsListsAndDisablesUsers() {
        String id = admin.addUser("Ann@Example.com", "correct horse");
        UserStore.StoredIdentity identity = store.identity("local-userpass", "ann@example.com");
        assertEquals(id, identity.userId());
        assertTrue(new PasswordHasher().verify("correct horse", identity.passwordHash()));
        assertFalse(identity.passwordHash().contains("correct"));

        AdminException duplicate = assertThrows(AdminException.class, () -> admin.addUser("ann@example.COM", "another1"));
        assertEquals("a user with email ann@example.COM already exists", duplicate.getMessage());
        assertThrows(AdminException.class, () -> admin.addUser("not-an-email", "correct horse"));
        assertTrue(assertThrows(AdminException.class, () -> admin.addUser("b@example.com", "short"))
                .getMessage().contains("6 to 128 characters"));

        assertEquals(id, admin.setDisabled("ann@example.com", true));
        List<UserAdmin.UserSummary> users = admin.listUsers();
        assertEquals(1, users.size());
        assertEquals(new UserAdmin.UserSummary(id, "normal", true, List.of("local-userpass:ann@example.com")),
                users.get(0));
        assertThrows(AdminException.class, () -> admin.setDisabled("nobody@example.com", true));
    }

    @Test
    void apiKeysAreShownOnceStoredHashedAndRevocable() {
        UserAdmin.NewApiKey key = admin.createApiKey("billing");
        assertEquals(64, key.key().length());
        assertTrue(key.key().matches("[A-Za-z0-9]{64}"));
        assertNotNull(store.apiKeyByHash(ApiKeys.hash(key.key())));
        assertEquals("server", store.user(key.userId()).type());
        assertThrows(AdminException.class, () -> admin.createApiKey("billing"));
        assertThrows(AdminException.class, () -> admin.createApiKey("bad name!"));

        admin.revokeApiKey(key.keyId());
        assertNull(store.apiKeyByHash(ApiKeys.hash(key.key())));
        assertTrue(store.user(key.userId()).disabled());
        assertThrows(AdminException.class, () -> admin.revokeApiKey("billing"));
    }

    /** SHA-256 of "abc" from FIPS 180-2, so stored key hashes are plain SHA-256 hex. */
    @Test
    void keyHashIsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.hash("abc"));
    }

    @Test
    void importsUsersAllOrNothing(@TempDir Path dir) throws Exception {
        admin.addUser("taken@example.com", "correct horse");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                [ {"email": "a@example.com", "password": "secret-a"},
                  {"email": "taken@example.com", "password": "secret-b"},
                  {"email": "a@example.com", "password": "secret-c"},
                  {"email": "c@example.com", "passwordHash": "plain"},
                  {"email": "d@example.com"} ]
                """);
        AdminException refused = assertThrows(AdminException.class, () -> admin.importUsers(bad));
        assertTrue(refused.getMessage().startsWith("nothing imported"), refused.getMessage());
        for (String expected : List.of("bad.json[1]: email taken@example.com is already a user",
                "bad.json[2]: repeats the email a@example.com", "bad.json[3]: passwordHash is not a bcrypt hash",
                "bad.json[4]: the password for d@example.com must be 6 to 128 characters long")) {
            assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        }
        assertNull(store.identity("local-userpass", "a@example.com"));

        Path good = dir.resolve("good.json");
        Files.writeString(good, """
                [ {"email": "a@example.com", "password": "secret-a", "data": {"team": "red"}},
                  {"email": "b@example.com", "passwordHash": "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
                   "disabled": true} ]
                """);
        UserAdmin.ImportResult result = admin.importUsers(good);
        assertEquals(2, result.imported());
        assertEquals("red", store.user(result.userIds().get(0)).data().getString("team").getValue());
        UserStore.StoredIdentity b = store.identity("local-userpass", "b@example.com");
        assertTrue(new PasswordHasher().verify("abc", b.passwordHash()));
        assertTrue(store.user(b.userId()).disabled());

        Files.writeString(bad, "{\"email\": \"x\"}");
        assertThrows(AdminException.class, () -> admin.importUsers(bad));
    }

    @Test
    void badConnectionInputIsNamedWithoutEchoingTheUri() {
        AdminException e = assertThrows(AdminException.class,
                () -> UserAdmin.connect("http://user:pa55word@host", "db"));
        assertFalse(e.getMessage().contains("pa55word"));
        assertThrows(AdminException.class, () -> UserAdmin.connect(" ", "db"));
    }
}
