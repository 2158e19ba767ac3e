package com.m365console.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need Microsoft 365 around the app: the local identity platform and a GreenMail server
 * that accepts, over XOAUTH2, exactly the access tokens issued to each account. One set of peers and one
 * Spring context serve every subclass.
 */
@IntegrationTest
public abstract class Microsoft365TestBase {

    protected static final String TENANT = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
    protected static final String SECRET =
            "Mbx8Q~" + UUID.randomUUID().toString().replace("-", "");
    protected static final String JANE = "jane@contoso.com";
    protected static final String ADMIN_MS = "it.admin@contoso.com";
    protected static final String SHARED = "support@contoso.com";

    protected static final GreenMail mailServer = startMailServer();
    /** The app reaches IMAP through this, so a test can cut the connection mid-sync. */
    protected static final CuttingProxy imapLink =
            new CuttingProxy("127.0.0.1", mailServer.getImap().getPort());

    protected static final FakeMicrosoftIdentityPlatform microsoft = FakeMicrosoftIdentityPlatform.start()
            .addTenant(TENANT, "contoso.com")
            .addAccount(TENANT, UUID.randomUUID().toString(), JANE, "Jane Doe")
            .addAccount(TENANT, UUID.randomUUID().toString(), ADMIN_MS, "IT Admin");

    /** Addresses whose mail server refuses every token, also newly issued ones (IMAP/SMTP AUTH disabled). */
    private static final Set<String> refusing = ConcurrentHashMap.newKeySet();
    /** The newest access token issued for each address, which the mail server accepts unless it refuses all. */
    private static final Map<String, String> newestTokens = new ConcurrentHashMap<>();

    static {
        microsoft.onAccessTokenIssued((token, grant) -> {
            if (grant.email() != null) {
                accept(grant.email(), token);
                if (grant.email().equals(ADMIN_MS)) {
                    accept(SHARED, token);
                }
            }
        });
    }

    private static void accept(String address, String token) {
        newestTokens.put(address, token);
        if (!refusing.contains(address)) {
            mailServer.setUser(address, address, token);
        }
    }

    /** As when Microsoft ends the access token early: the mail server refuses it, a newly issued one works. */
    protected static void endAccessTokenEarly(String address) {
        mailServer.setUser(address, address, "ended-" + UUID.randomUUID());
    }

    /** As with IMAP and SMTP AUTH disabled for the mailbox: every token is refused, also newly issued ones. */
    protected static void refuseMailAccess(String address) {
        refusing.add(address);
        mailServer.setUser(address, address, "refused-" + UUID.randomUUID());
    }

    /** The admin turned mail access back on: the newest token issued works again. */
    protected static void allowMailAccess(String address) {
        refusing.remove(address);
        mailServer.setUser(address, address, newestTokens.get(address));
    }

    @Autowired
    protected TestAccounts accounts;

    @Autowired
    protected Sessions sessions;

    @Autowired
    protected DatabaseClient db;

    protected String clientId;

    private static GreenMail startMailServer() {
        var server = new GreenMail(
                new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("m365.microsoft.authority-host", microsoft::authority);
        registry.add("m365.microsoft.graph-host", microsoft::graphHost);
        registry.add("m365.mail.imap.host", () -> "127.0.0.1");
        registry.add("m365.mail.imap.port", imapLink::port);
        registry.add("m365.mail.imap.security", () -> "NONE");
        registry.add("m365.mail.smtp.host", () -> "127.0.0.1");
        registry.add("m365.mail.smtp.port", () -> mailServer.getSmtp().getPort());
        registry.add("m365.mail.smtp.security", () -> "NONE");
        registry.add("m365.mailbox.refresh-retry-backoff", () -> "PT0.05S");
        registry.add("m365.sync.batch-size", () -> "5");
    }

    /** Fresh accounts (alice ADMIN, jane and bob USER), a fresh app registration, Emails Sync enabled. */
    protected void resetWithRegisteredApp() throws Exception {
        accounts.reset();
        refusing.clear();
        mailServer.purgeEmailFromAllMailboxes();
        accounts.create("alice", "ADMIN");
        accounts.create("jane", "USER");
        accounts.create("bob", "USER");
        clientId = UUID.randomUUID().toString();
        microsoft.registerApp(clientId, SECRET, TENANT, false, sessions.baseUrl() + "/login/oauth2/code/microsoft");
        RegisteredApp.saveWithEmailSync(sessions.graphQl("alice", TestAccounts.PASSWORD), clientId, SECRET, TENANT);
    }

    /** Connects a mailbox the way a person does: start, consent at Microsoft, back through the callback. */
    protected UUID connect(Sessions.Browser browser, String microsoftAccount, Map<String, Object> input) {
        URI authorize = startConnection(browser, input);
        URI back = new MicrosoftSignInBrowser(sessions).consent(authorize, microsoftAccount, true);
        // Straight to the app, as the reverse proxy of a public base URL passes it on
        URI toApp = URI.create(sessions.baseUrl() + back.getRawPath() + "?" + back.getRawQuery());
        browser.client().get().uri(toApp).exchange().expectStatus().isFound();
        return UUID.fromString(browser.graphQl()
                .document("{ lastMailboxConnection { mailbox { id } error { error message } } }")
                .execute()
                .path("lastMailboxConnection.error")
                .valueIsNull()
                .path("lastMailboxConnection.mailbox.id")
                .entity(String.class)
                .get());
    }

    protected URI startConnection(Sessions.Browser browser, Map<String, Object> input) {
        String url = browser.graphQl()
                .documentName("startMailboxConnection")
                .variable("input", input)
                .execute()
                .path("startMailboxConnection.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("startMailboxConnection.authorizationUrl")
                .entity(String.class)
                .get();
        assertThat(url)
                .contains("code_challenge_method=S256")
                .contains("offline_access")
                .contains("state=");
        boolean graph = url.contains("/Mail.ReadWrite") && url.contains("/Mail.Send");
        boolean imap = url.contains("IMAP.AccessAsUser.All") && url.contains("SMTP.Send");
        assertThat(graph != imap)
                .as("one resource's scopes per authorize request: " + url)
                .isTrue();
        if ("GRAPH".equals(input.get("transport"))) {
            assertThat(graph).isTrue();
        } else if (input.get("transport") != null || !input.containsKey("mailboxId")) {
            assertThat(imap).isTrue();
        }
        return URI.create(url);
    }

    /** Turns Email Synchronization (the schedule, and with it push) on or off, as the admin alice. */
    protected void setEmailSyncEnabled(boolean enabled) {
        sessions.graphQl("alice", TestAccounts.PASSWORD)
                .document("mutation($on: Boolean) { updateEmailSyncSettings(input: {enabled: $on}) "
                        + "{ errors { message } } }")
                .variable("on", enabled)
                .execute()
                .path("updateEmailSyncSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /** Delivers a message with a subject of its own to the account's INBOX; answers the subject. */
    protected static String deliverWithNewSubject(String address) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress("sender@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        String subject = "Pushed " + UUID.randomUUID();
        message.setSubject(subject);
        message.setText("Body");
        mailServer.getUserManager().getUser(address).deliver(message);
        return subject;
    }

    /** The subjects of every message stored for the mailbox. */
    protected List<String> storedSubjects(UUID mailboxId) {
        return db.sql("select m.subject from mail_message m join mail_folder f on f.id = m.folder_id "
                        + "where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }
}
