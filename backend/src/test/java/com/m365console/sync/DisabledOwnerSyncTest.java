package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.Microsoft365TestBase;
import com.m365console.support.SeededMailboxes;
import com.m365console.support.Sessions;
import com.m365console.support.TestAccounts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A disabled user's mailboxes are neither synchronised on the schedule nor watched; enabling resumes both. */
class DisabledOwnerSyncTest extends Microsoft365TestBase {

    private static final Duration RUN = Duration.ofSeconds(60);

    @Autowired
    SyncScheduler scheduler;

    @Autowired
    InboxPushWatchers watchers;

    UUID mailboxId;
    UUID janeId;
    HttpGraphQlTester admin;

    @BeforeEach
    void connectJanesMailbox() throws Exception {
        resetWithRegisteredApp();
        Sessions.Browser jane = sessions.signIn("jane", TestAccounts.PASSWORD);
        mailboxId = connect(jane, JANE, Map.of());
        janeId = SeededMailboxes.userId(db, "jane");
        admin = sessions.graphQl("alice", TestAccounts.PASSWORD);
    }

    @AfterEach
    void stopPushing() {
        setEmailSyncEnabled(false);
        watchers.refresh().block(RUN);
    }

    @Test
    void aDisabledUsersMailboxWaitsUntilTheUserIsEnabledAgain() throws Exception {
        String subject = deliverWithNewSubject(JANE);
        setEnabled("disableUser");

        scheduler.synchroniseDueMailboxes().block(RUN);
        watchers.refresh().block(RUN);

        assertThat(storedSubjects(mailboxId)).isEmpty();
        assertThat(watchers.isWatching(mailboxId)).isFalse();

        setEnabled("enableUser");
        scheduler.synchroniseDueMailboxes().block(RUN);
        watchers.refresh().block(RUN);

        assertThat(storedSubjects(mailboxId)).containsExactly(subject);
        assertThat(watchers.isWatching(mailboxId)).isTrue();
    }

    @Test
    void disablingAWatchedMailboxsOwnerStopsItsWatcherAtTheNextCheck() {
        watchers.refresh().block(RUN);
        assertThat(watchers.isWatching(mailboxId)).isTrue();

        setEnabled("disableUser");
        watchers.refresh().block(RUN);

        assertThat(watchers.isWatching(mailboxId)).isFalse();
    }

    private void setEnabled(String mutation) {
        admin.document("mutation { " + mutation + "(input: {userId: \"" + janeId + "\"}) { errors { code } } }")
                .execute()
                .path(mutation + ".errors")
                .entityList(Object.class)
                .hasSize(0);
    }
}
