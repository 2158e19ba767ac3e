package com.m365console.mailbox;

import com.m365console.mailbox.MailboxService.FolderView;
import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code CheckMailboxConnectionPayload}. */
public record CheckMailboxConnectionPayload(
        MailboxView mailbox, boolean imapOk, boolean smtpOk, List<FolderView> folders, List<UserError> errors) {
    static CheckMailboxConnectionPayload refused(UserError error) {
        return new CheckMailboxConnectionPayload(null, false, false, List.of(), List.of(error));
    }
}
