package com.m365console.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Folders to synchronise are only those the mail server lists; anything else is refused and changes nothing. */
class FolderSelectionTest extends Microsoft365TestBase {

    Sessions.Browser jane;
    UUID mailboxId;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
        GreenMailUser user = mailServer.getUserManager().getUser(JANE);
        if (mailServer.getManagers().getImapHostManager().getFolder(user, "Projects") == null) {
            mailServer.getManagers().getImapHostManager().createMailbox(user, "Projects");
        }
    }

    @Test
    void foldersTheServerListsAreAcceptedAsTheServerNamesThem() {
        select(List.of("inbox", "Projects", " Projects "))
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0)
                .path("selectMailboxFolders.mailbox.selectedFolders")
                .entityList(String.class)
                .containsExactly("INBOX", "Projects");
    }

    @Test
    void anUnknownFolderIsRefusedByNameAndNothingChanges() {
        select(List.of("INBOX"))
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0);

        select(List.of("Projects", "Nowhere", "INBOX/Typo"))
                .path("selectMailboxFolders.mailbox")
                .valueIsNull()
                .path("selectMailboxFolders.errors[0].field")
                .entity(String.class)
                .isEqualTo("folders")
                .path("selectMailboxFolders.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_FOLDER")
                .path("selectMailboxFolders.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message)
                        .contains("\"Nowhere\"")
                        .contains("\"INBOX/Typo\"")
                        .doesNotContain("\"Projects\""));

        assertThat(selected()).containsExactly("INBOX");
    }

    @Test
    void whenTheServerCannotBeAskedNothingChanges() {
        select(List.of("INBOX"))
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0);
        imapLink.cutNextConnectionAfter(0);

        select(List.of("Projects"))
                .path("selectMailboxFolders.errors[0].code")
                .entity(String.class)
                .isEqualTo("MAIL_SERVER_UNREACHABLE");

        assertThat(selected()).containsExactly("INBOX");
    }

    @Test
    void clearingTheSelectionNeedsNoServer() {
        select(List.of("Projects"))
                .path("selectMailboxFolders.errors")
                .entityList(Object.class)
                .hasSize(0);
        int connections = imapLink.connections();

        select(List.of())
                .path("selectMailboxFolders.mailbox.selectedFolders")
                .entityList(String.class)
                .hasSize(0);

        assertThat(imapLink.connections()).isEqualTo(connections);
    }

    private GraphQlTester.Response select(List<String> folders) {
        return jane.graphQl()
                .documentName("selectMailboxFolders")
                .variable("input", Map.of("mailboxId", mailboxId.toString(), "folders", folders))
                .execute();
    }

    private List<String> selected() {
        return List.of(db.sql("select selected_folders from mailbox where id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String[].class))
                .one()
                .block());
    }
}
