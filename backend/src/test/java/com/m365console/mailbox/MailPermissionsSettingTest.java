package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Microsoft Settings says which delegated permissions each transport needs, on the configured Cloud's resources,
 * and which Graph host the app really calls (the deployment's override included).
 */
class MailPermissionsSettingTest extends Microsoft365TestBase {

    private static final String QUERY = "{ microsoftSettings { mailPermissions { transport resource api delegated "
            + "sharedMailbox } cloudHosts { cloud graph } } }";

    HttpGraphQlTester admin;

    @BeforeEach
    void configure() throws Exception {
        resetWithRegisteredApp();
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachTransportListsItsPermissionsOnTheCloudsResource() {
        assertThat(permissions())
                .extracting(
                        p -> p.get("transport"),
                        p -> p.get("resource"),
                        p -> p.get("api"),
                        p -> p.get("delegated"),
                        p -> p.get("sharedMailbox"))
                .containsExactly(
                        tuple(
                                "IMAP",
                                "https://outlook.office.com",
                                "Office 365 Exchange Online",
                                List.of("IMAP.AccessAsUser.All", "SMTP.Send", "offline_access"),
                                List.of()),
                        tuple(
                                "GRAPH",
                                "https://graph.microsoft.com",
                                "Microsoft Graph",
                                List.of("Mail.ReadWrite", "Mail.Send", "offline_access"),
                                List.of("Mail.ReadWrite.Shared", "Mail.Send.Shared")));

        admin.documentName("updateMicrosoftSettings")
                .variable("input", Map.of("cloud", Map.of("value", "US_GOVERNMENT")))
                .execute()
                .path("updateMicrosoftSettings.errors")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(permissions())
                .extracting(p -> p.get("resource"))
                .containsExactly("https://outlook.office365.us", "https://graph.microsoft.us");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGraphHostShownIsTheOneTheAppCalls() {
        List<Map<String, Object>> hosts =
                admin
                        .document(QUERY)
                        .execute()
                        .path("microsoftSettings.cloudHosts")
                        .entityList(Map.class)
                        .get()
                        .stream()
                        .map(h -> (Map<String, Object>) h)
                        .toList();
        assertThat(hosts).extracting(h -> h.get("graph")).containsOnly(microsoft.graphHost());
    }

    @Test
    void aUserCannotReadThem() {
        sessions.graphQl("bob", TestAccounts.PASSWORD)
                .document("{ microsoftSettings { mailPermissions { delegated } } }")
                .execute()
                .errors()
                .expect(error -> "FORBIDDEN".equals(String.valueOf(error.getErrorType())));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> permissions() {
        return admin
                .document(QUERY)
                .execute()
                .path("microsoftSettings.mailPermissions")
                .entityList(Map.class)
                .get()
                .stream()
                .map(p -> (Map<String, Object>) p)
                .toList();
    }
}
