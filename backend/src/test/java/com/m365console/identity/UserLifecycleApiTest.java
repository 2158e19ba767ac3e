package com.m365console.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.m365console.support.IntegrationTest;
import com.m365console.support.RawGraphQlSocket;
import com.m365console.support.Sessions;
import com.m365console.support.Sessions.Browser;
import com.m365console.support.TestAccounts;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An administrator disables, enables, deletes, resets and promotes accounts and unlinks their Microsoft identities;
 * ordinary users may do none of it, the last administrator stays, and what a change takes back stops working at once.
 */
@IntegrationTest
class UserLifecycleApiTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final String USER_FIELDS =
            "user { username role enabled mustChangePassword lastSignedInAt } errors { field code message }";

    @Autowired
    TestAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    DatabaseClient db;

    HttpGraphQlTester admin;
    UUID aliceId;
    UUID bobId;
    final List<RawGraphQlSocket> sockets = new ArrayList<>();

    @BeforeEach
    void adminAndUser() {
        accounts.reset();
        db.sql("truncate audit_event").then().block();
        aliceId = accounts.create("alice", "ADMIN");
        bobId = accounts.create("bob", "USER");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(RawGraphQlSocket::close);
    }

    @Test
    void anOrdinaryUserIsRefusedEveryAction() {
        HttpGraphQlTester bob = sessions.graphQl("bob", TestAccounts.PASSWORD);
        String id = aliceId.toString();
        List<String> mutations = List.of(
                "disableUser(input: {userId: \"" + id + "\"}) { errors { code } }",
                "enableUser(input: {userId: \"" + id + "\"}) { errors { code } }",
                "deleteUser(input: {userId: \"" + id + "\", deleteMail: true}) { errors { code } }",
                "resetUserPassword(input: {userId: \"" + id + "\"}) { oneTimePassword errors { code } }",
                "changeUserRole(input: {userId: \"" + bobId + "\", role: ADMIN}) { errors { code } }",
                "unlinkMicrosoftIdentity(input: {userId: \"" + id + "\", tenantId: \"t\", objectId: \"o\"}) "
                        + "{ errors { code } }");
        for (String mutation : mutations) {
            bob.document("mutation { " + mutation + " }")
                    .execute()
                    .errors()
                    .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())))
                    .verify();
        }
        bob.document("{ me { microsoftIdentities { objectId } } }")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())))
                .verify();

        admin.document("{ users { username role enabled } }")
                .execute()
                .path("users[*].role")
                .entityList(String.class)
                .containsExactly("ADMIN", "USER")
                .path("users[*].enabled")
                .entityList(Boolean.class)
                .containsExactly(true, true);
        sessions.anonymous()
                .postLogin("alice", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk();
        assertThat(auditActions()).isEmpty();
    }

    @Test
    void theLastEnabledAdministratorCannotBeDemotedDisabledOrDeleted() {
        UUID carol = accounts.create("carol", "ADMIN");
        db.sql("update app_user set enabled = false where id = :id")
                .bind("id", carol)
                .then()
                .block();

        assertThat(code(admin, "changeUserRole(input: {userId: \"" + aliceId + "\", role: USER})"))
                .isEqualTo("LAST_ADMIN");
        assertThat(code(admin, "disableUser(input: {userId: \"" + aliceId + "\"})"))
                .isEqualTo("LAST_ADMIN");
        assertThat(code(admin, "deleteUser(input: {userId: \"" + aliceId + "\", deleteMail: true})"))
                .isEqualTo("LAST_ADMIN");
        admin.document("{ me { role enabled } }")
                .execute()
                .path("me.role")
                .entity(String.class)
                .isEqualTo("ADMIN");

        admin.document("mutation { enableUser(input: {userId: \"" + carol + "\"}) { " + USER_FIELDS + " } }")
                .execute()
                .path("enableUser.user.enabled")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(code(admin, "disableUser(input: {userId: \"" + aliceId + "\"})"))
                .as("another enabled administrator remains")
                .isNull();
        assertThat(auditActions()).containsExactly("USER_ENABLED", "USER_DISABLED");
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOne() {
        for (int round = 0; round < 5; round++) {
            accounts.reset();
            UUID first = accounts.create("alice", "ADMIN");
            UUID second = accounts.create("carol", "ADMIN");
            HttpGraphQlTester alice = sessions.graphQl("alice", TestAccounts.PASSWORD);
            HttpGraphQlTester carol = sessions.graphQl("carol", TestAccounts.PASSWORD);

            List<String> codes = Mono.zip(
                            demote(alice, second).subscribeOn(Schedulers.boundedElastic()),
                            demote(carol, first).subscribeOn(Schedulers.boundedElastic()))
                    .map(both -> List.of(both.getT1(), both.getT2()))
                    .block(Duration.ofSeconds(30));

            assertThat(codes).as("one demotion wins").containsOnlyOnce("");
            assertThat(codes).as("the other is refused").containsAnyOf("LAST_ADMIN", "SIGNED_OUT");
            assertThat(db.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
                            .map(row -> row.get(0, Long.class))
                            .one()
                            .block())
                    .isEqualTo(1);
        }
    }

    @Test
    void aDisabledUsersSessionTokenAndSocketsAreRefusedAtOnceAndComeBackWhenEnabled() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);
        String token = createToken(bob.graphQl());
        RawGraphQlSocket sessionSocket =
                socket(Map.of("Cookie", "SESSION=" + bob.session(), "Origin", base()), Map.of());
        RawGraphQlSocket tokenSocket = socket(Map.of(), Map.of("Authorization", "Bearer " + token));
        assertThat(me(sessionSocket)).isEqualTo("bob");
        assertThat(me(tokenSocket)).isEqualTo("bob");

        admin.document("mutation { disableUser(input: {userId: \"" + bobId + "\"}) { " + USER_FIELDS + " } }")
                .execute()
                .path("disableUser.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("disableUser.user.enabled")
                .entity(Boolean.class)
                .isEqualTo(false);

        assertThat(sessionSocket.closeCode(WITHIN)).isEqualTo(4401);
        assertThat(tokenSocket.closeCode(WITHIN)).isEqualTo(4401);
        assertThat(meOverHttp(bob)).isNull();
        tokenRequest(token).expectStatus().isUnauthorized();
        sessions.anonymous()
                .postLogin("bob", TestAccounts.PASSWORD)
                .expectStatus()
                .isUnauthorized();
        assertThatThrownBy(() -> socket(Map.of(), Map.of("Authorization", "Bearer " + token)))
                .as("a new socket with the token is refused")
                .isInstanceOf(AssertionError.class);

        admin.document("mutation { enableUser(input: {userId: \"" + bobId + "\"}) { " + USER_FIELDS + " } }")
                .execute()
                .path("enableUser.user.enabled")
                .entity(Boolean.class)
                .isEqualTo(true);
        tokenRequest(token).expectStatus().isOk();
        sessions.anonymous()
                .postLogin("bob", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk();
        assertThat(auditActions()).containsExactly("API_TOKEN_CREATED", "USER_DISABLED", "USER_ENABLED");
    }

    @Test
    void aResetGivesAOneTimePasswordThatWorksOnceAndMustBeChanged() {
        Browser bobBefore = sessions.signIn("bob", TestAccounts.PASSWORD);
        String token = createToken(bobBefore.graphQl());

        GraphQlTester.Response reset = admin.document("mutation { resetUserPassword(input: {userId: \"" + bobId
                        + "\"}) { oneTimePassword oneTimePasswordExpiresAt " + USER_FIELDS + " } }")
                .execute();
        String oneTime = reset.path("resetUserPassword.oneTimePassword")
                .entity(String.class)
                .get();
        reset.path("resetUserPassword.user.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(true);
        reset.path("resetUserPassword.oneTimePasswordExpiresAt").hasValue();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(10);

        assertThat(meOverHttp(bobBefore)).as("the old session ended").isNull();
        tokenRequest(token).expectStatus().isUnauthorized();
        sessions.anonymous()
                .postLogin("bob", TestAccounts.PASSWORD)
                .expectStatus()
                .isUnauthorized();

        HttpGraphQlTester bob = sessions.graphQl("bob", oneTime);
        bob.document("{ me { mustChangePassword } }")
                .execute()
                .path("me.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(true);
        bob.document("{ myMailboxes { id } }")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())))
                .verify();
        bob.document("mutation($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code } } }")
                .variable("input", Map.of("currentPassword", oneTime, "newPassword", "bobs-own-password"))
                .execute()
                .path("changePassword.errors")
                .entityList(Object.class)
                .hasSize(0);
        sessions.anonymous().postLogin("bob", oneTime).expectStatus().isUnauthorized();
        sessions.graphQl("bob", "bobs-own-password")
                .document("{ me { mustChangePassword lastSignedInAt } }")
                .execute()
                .path("me.mustChangePassword")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("me.lastSignedInAt")
                .hasValue();

        assertThat(auditActions()).containsExactly("API_TOKEN_CREATED", "USER_PASSWORD_RESET", "PASSWORD_CHANGED");
        assertThat(auditText()).doesNotContain(oneTime).contains("\"username\": \"bob\"");
    }

    @Test
    void aRoleChangeEndsTheSessionsThatCarryTheOldRole() {
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);

        admin.document("mutation { changeUserRole(input: {userId: \"" + bobId + "\", role: ADMIN}) { " + USER_FIELDS
                        + " } }")
                .execute()
                .path("changeUserRole.user.role")
                .entity(String.class)
                .isEqualTo("ADMIN");

        assertThat(meOverHttp(bob)).isNull();
        sessions.graphQl("bob", TestAccounts.PASSWORD)
                .document("{ users { username } }")
                .execute()
                .path("users[*].username")
                .entityList(String.class)
                .containsExactly("alice", "bob");
        assertThat(auditText()).contains("\"from\": \"USER\"").contains("\"to\": \"ADMIN\"");
    }

    @Test
    void deletingAUserKeepsTheirMailAsASharedMailboxWhenAsked() {
        UUID mailbox = mailboxWithMessage(bobId, "bob@contoso.com");
        String token = createToken(sessions.graphQl("bob", TestAccounts.PASSWORD));

        admin.document("mutation { deleteUser(input: {userId: \"" + bobId + "\", deleteMail: false}) "
                        + "{ deletedUserId keptMailboxes errors { code } } }")
                .execute()
                .path("deleteUser.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("deleteUser.keptMailboxes")
                .entity(Integer.class)
                .isEqualTo(1);

        admin.document("{ systemMailboxes { id address state owner lastError } }")
                .execute()
                .path("systemMailboxes[0].id")
                .entity(String.class)
                .isEqualTo(mailbox.toString())
                .path("systemMailboxes[0].state")
                .entity(String.class)
                .isEqualTo("DISCONNECTED")
                .path("systemMailboxes[0].lastError")
                .entity(String.class)
                .satisfies(note -> assertThat(note).contains("bob"));
        assertThat(count("select count(*) from mail_message")).isEqualTo(1);
        assertThat(count("select count(*) from mailbox_token")).isZero();
        assertThat(count("select count(*) from api_token")).isZero();
        tokenRequest(token).expectStatus().isUnauthorized();
        sessions.anonymous()
                .postLogin("bob", TestAccounts.PASSWORD)
                .expectStatus()
                .isUnauthorized();
        admin.document("{ users { username } }")
                .execute()
                .path("users[*].username")
                .entityList(String.class)
                .containsExactly("alice");
        assertThat(auditText()).contains("\"mail\": \"kept\"").contains("\"keptMailboxes\": 1");
    }

    @Test
    void deletingAUserWithTheirMailLeavesNothingOfIt() {
        mailboxWithMessage(bobId, "bob@contoso.com");

        admin.document("mutation { deleteUser(input: {userId: \"" + bobId + "\", deleteMail: true}) "
                        + "{ deletedUserId keptMailboxes errors { code } } }")
                .execute()
                .path("deleteUser.deletedUserId")
                .entity(String.class)
                .isEqualTo(bobId.toString());

        assertThat(count("select count(*) from mailbox")).isZero();
        assertThat(count("select count(*) from mail_message")).isZero();
        assertThat(auditActions()).containsExactly("USER_DELETED");
    }

    @Test
    void keepingMailThatCollidesWithASharedMailboxChangesNothing() {
        mailboxWithMessage(bobId, "support@contoso.com");
        db.sql("insert into mailbox (kind, address, state) values ('SYSTEM', 'Support@contoso.com', 'CONNECTED')")
                .then()
                .block();

        assertThat(code(admin, "deleteUser(input: {userId: \"" + bobId + "\", deleteMail: false})"))
                .isEqualTo("CONFLICT");

        sessions.anonymous()
                .postLogin("bob", TestAccounts.PASSWORD)
                .expectStatus()
                .isOk();
        assertThat(count("select count(*) from mailbox where kind = 'PERSONAL'"))
                .isEqualTo(1);
        assertThat(auditActions()).isEmpty();
    }

    @Test
    void unknownUsersAndIdentitiesAreNotFound() {
        String nobody = UUID.randomUUID().toString();
        assertThat(code(admin, "disableUser(input: {userId: \"" + nobody + "\"})"))
                .isEqualTo("NOT_FOUND");
        assertThat(code(admin, "resetUserPassword(input: {userId: \"" + nobody + "\"})"))
                .isEqualTo("NOT_FOUND");
        assertThat(code(
                        admin,
                        "unlinkMicrosoftIdentity(input: {userId: \"" + bobId
                                + "\", tenantId: \"t\", objectId: \"o\"})"))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theListShowsLinkedMicrosoftIdentitiesThatCanBeUnlinked() {
        db.sql("insert into external_identity (provider, tenant_id, subject, user_id, email) "
                        + "values ('microsoft', 'tenant-1', 'object-1', :user, 'bob@contoso.com')")
                .bind("user", bobId)
                .then()
                .block();
        Browser bob = sessions.signIn("bob", TestAccounts.PASSWORD);

        admin.document("{ users { username lastSignedInAt microsoftIdentities { tenantId objectId email } } }")
                .execute()
                .path("users[1].lastSignedInAt")
                .hasValue()
                .path("users[1].microsoftIdentities[0].objectId")
                .entity(String.class)
                .isEqualTo("object-1")
                .path("users[0].microsoftIdentities")
                .entityList(Object.class)
                .hasSize(0);

        admin.document("mutation { unlinkMicrosoftIdentity(input: {userId: \"" + bobId
                        + "\", tenantId: \"tenant-1\", objectId: \"object-1\"}) { errors { code } } }")
                .execute()
                .path("unlinkMicrosoftIdentity.errors")
                .entityList(Object.class)
                .hasSize(0);

        assertThat(count("select count(*) from external_identity")).isZero();
        assertThat(meOverHttp(bob)).as("the user's sessions ended").isNull();
        assertThat(auditText()).contains("\"objectId\": \"object-1\"");
    }

    @Test
    void everyActionIsAuditedWithTheActorAndTheTargetButNeverAPassword() {
        String canary = "canary-" + UUID.randomUUID();
        String id = admin.document("mutation($input: CreateUserInput!) { createUser(input: $input) "
                        + "{ user { id } errors { code } } }")
                .variable("input", Map.of("username", "dave", "password", canary, "role", "USER"))
                .execute()
                .path("createUser.user.id")
                .entity(String.class)
                .get();
        String oneTime = admin.document(
                        "mutation { resetUserPassword(input: {userId: \"" + id + "\"}) { oneTimePassword } }")
                .execute()
                .path("resetUserPassword.oneTimePassword")
                .entity(String.class)
                .get();
        for (String mutation : List.of(
                "changeUserRole(input: {userId: \"" + id + "\", role: ADMIN})",
                "disableUser(input: {userId: \"" + id + "\"})",
                "enableUser(input: {userId: \"" + id + "\"})",
                "deleteUser(input: {userId: \"" + id + "\", deleteMail: true})")) {
            assertThat(code(admin, mutation)).as(mutation).isNull();
        }

        assertThat(auditActions())
                .containsExactly(
                        "USER_CREATED",
                        "USER_PASSWORD_RESET",
                        "USER_ROLE_CHANGED",
                        "USER_DISABLED",
                        "USER_ENABLED",
                        "USER_DELETED");
        List<Map<String, Object>> rows = db.sql("select actor_id, actor_name, client_address, details::text as d "
                        + "from audit_event order by id")
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("actor_id")).isEqualTo(aliceId);
            assertThat(row.get("actor_name")).isEqualTo("alice");
            assertThat(row.get("client_address")).isNotNull();
            assertThat((String) row.get("d")).contains(id).contains("\"username\": \"dave\"");
        });
        assertThat(auditText()).doesNotContain(canary).doesNotContain(oneTime);
    }

    private UUID mailboxWithMessage(UUID owner, String address) {
        UUID mailbox = db.sql("insert into mailbox (kind, owner_id, address, state) values ('PERSONAL', :owner, "
                        + ":address, 'CONNECTED') returning id")
                .bind("owner", owner)
                .bind("address", address)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        db.sql("insert into mailbox_token (mailbox_id, access_token, access_key_id, access_expires_at) "
                        + "values (:id, '\\x00', 'k', now())")
                .bind("id", mailbox)
                .then()
                .block();
        UUID folder = db.sql("insert into mail_folder (mailbox_id, full_name) values (:id, 'INBOX') " + "returning id")
                .bind("id", mailbox)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        db.sql("insert into mail_message (folder_id, uid, subject) values (:folder, 1, 'Kept or not')")
                .bind("folder", folder)
                .then()
                .block();
        return mailbox;
    }

    /**
     * The demotion's error code, "" when it succeeded; SIGNED_OUT when the other admin's demotion, done first, ended
     * this admin's session (a demoted admin's sessions end) before the request was authorised.
     */
    private static Mono<String> demote(HttpGraphQlTester tester, UUID other) {
        return Mono.fromCallable(() -> {
            GraphQlTester.Response response = tester.document("mutation { changeUserRole(input: {userId: \"" + other
                            + "\", role: USER}) " + "{ errors { code } } }")
                    .execute();
            List<String> codes = new ArrayList<>();
            response.errors().satisfy(errors -> errors.forEach(error -> codes.add("SIGNED_OUT")));
            if (codes.isEmpty()) {
                codes.addAll(response.path("changeUserRole.errors[*].code")
                        .entityList(String.class)
                        .get());
            }
            return codes.isEmpty() ? "" : codes.get(0);
        });
    }

    /** The first error code of the mutation's payload, null when it succeeded. */
    private static String code(HttpGraphQlTester tester, String mutation) {
        String field = mutation.substring(0, mutation.indexOf('('));
        List<String> codes = tester.document("mutation { " + mutation + " { errors { code } } }")
                .execute()
                .path(field + ".errors[*].code")
                .entityList(String.class)
                .get();
        return codes.isEmpty() ? null : codes.get(0);
    }

    private List<String> auditActions() {
        return db.sql("select action from audit_event order by id")
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private String auditText() {
        return String.join(
                "\n",
                db.sql("select concat_ws(' ', action, actor_name, client_address, details::text) from audit_event")
                        .map(row -> row.get(0, String.class))
                        .all()
                        .collectList()
                        .block());
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private String base() {
        return sessions.baseUrl();
    }

    private RawGraphQlSocket socket(Map<String, String> headers, Map<String, Object> payload) {
        RawGraphQlSocket socket =
                RawGraphQlSocket.open(URI.create(base().replace("http", "ws") + "/graphql"), headers, payload);
        sockets.add(socket);
        return socket;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec tokenRequest(String token) {
        return sessions.client()
                .post()
                .uri("/graphql")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange();
    }

    private static String createToken(HttpGraphQlTester tester) {
        return tester.document("mutation { createApiToken(input: {name: \"script\"}) { secret } }")
                .execute()
                .path("createApiToken.secret")
                .entity(String.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static String me(RawGraphQlSocket socket) {
        Map<String, Object> data =
                (Map<String, Object>) socket.execute("{ me { username } }").get("data");
        Map<String, Object> me = data == null ? null : (Map<String, Object>) data.get("me");
        return me == null ? null : (String) me.get("username");
    }

    @SuppressWarnings("unchecked")
    private static String meOverHttp(Browser browser) {
        Map<String, Object> body = browser.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> me = (Map<String, Object>) ((Map<String, Object>) body.get("data")).get("me");
        return me == null ? null : (String) me.get("username");
    }
}
