package com.m365console.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.testsupport.dovecot.DovecotInstalled;
import com.m365console.testsupport.dovecot.DovecotServer;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Like {@link Microsoft365TestBase}, with Dovecot instead of GreenMail as the mail server: a real IMAP/SMTP server
 * that asks the local identity platform about every XOAUTH2 token, so revoked and expired tokens are refused as at
 * Microsoft. One Dovecot, one identity platform and one Spring context serve every subclass; without Dovecot
 * installed the subclasses are skipped (or fail, with {@code DOVECOT_REQUIRED=true}).
 */
@IntegrationTest
@ExtendWith(DovecotInstalled.class)
public abstract class DovecotTestBase {

    protected static final String TENANT = "7d1c2e4a-0b5f-4c3e-9a8d-2f6b1e0c9d47";
    protected static final String SECRET =
            "Dvc8Q~" + UUID.randomUUID().toString().replace("-", "");
    protected static final String JANE = "jane@contoso.com";

    protected static final FakeMicrosoftIdentityPlatform microsoft = FakeMicrosoftIdentityPlatform.start()
            .addTenant(TENANT, "contoso.com")
            .addAccount(TENANT, UUID.randomUUID().toString(), JANE, "Jane Doe");
    /** Null when Dovecot is not installed; {@link DovecotInstalled} then skips the class before Spring starts. */
    protected static final DovecotServer dovecot =
            DovecotServer.binary().isPresent() ? DovecotServer.start(microsoft.introspectionUrl()) : null;
    /** The app reaches IMAP through this, so a test can slow or cut the connection and count the runs. */
    protected static final CuttingProxy imapLink =
            dovecot == null ? null : new CuttingProxy(dovecot.host(), dovecot.imapPort());

    @Autowired
    protected TestAccounts accounts;

    @Autowired
    protected Sessions sessions;

    @Autowired
    protected DatabaseClient db;

    protected String clientId;

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("m365.microsoft.authority-host", microsoft::authority);
        registry.add("m365.mail.imap.host", () -> dovecot.host());
        registry.add("m365.mail.imap.port", () -> imapLink.port());
        registry.add("m365.mail.imap.security", () -> "NONE");
        registry.add("m365.mail.smtp.host", () -> dovecot.host());
        registry.add("m365.mail.smtp.port", () -> dovecot.submissionPort());
        registry.add("m365.mail.smtp.security", () -> "NONE");
        registry.add("m365.mailbox.refresh-retry-backoff", () -> "PT0.05S");
        registry.add("m365.sync.batch-size", () -> "5");
    }

    /**
     * Fresh accounts (alice ADMIN, jane USER), Jane's mail wiped, a fresh app registration, Emails Sync enabled, the
     * IMAP link passing everything through.
     */
    protected void resetWithRegisteredApp() throws Exception {
        imapLink.reset();
        accounts.reset();
        dovecot.wipe(JANE);
        accounts.create("alice", "ADMIN");
        accounts.create("jane", "USER");
        clientId = UUID.randomUUID().toString();
        microsoft.registerApp(clientId, SECRET, TENANT, false, sessions.baseUrl() + "/login/oauth2/code/microsoft");
        RegisteredApp.saveWithEmailSync(sessions.graphQl("alice", TestAccounts.PASSWORD), clientId, SECRET, TENANT);
    }

    /** Connects a mailbox the way a person does: start, consent at Microsoft, back through the callback. */
    protected UUID connect(Sessions.Browser browser, String microsoftAccount) {
        String url = browser.graphQl()
                .documentName("startMailboxConnection")
                .variable("input", Map.of())
                .execute()
                .path("startMailboxConnection.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("startMailboxConnection.authorizationUrl")
                .entity(String.class)
                .get();
        assertThat(url).contains("IMAP.AccessAsUser.All").contains("SMTP.Send");
        URI back = new MicrosoftSignInBrowser(sessions).consent(URI.create(url), microsoftAccount, true);
        browser.client().get().uri(back).exchange().expectStatus().isFound();
        return UUID.fromString(browser.graphQl()
                .document("{ lastMailboxConnection { mailbox { id } error { error message } } }")
                .execute()
                .path("lastMailboxConnection.error")
                .valueIsNull()
                .path("lastMailboxConnection.mailbox.id")
                .entity(String.class)
                .get());
    }
}
