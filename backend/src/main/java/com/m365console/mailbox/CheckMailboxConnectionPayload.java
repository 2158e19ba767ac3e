package com.m365console.mailbox;

import java.util.List;

import com.m365console.mailbox.MailboxService.FolderView;
import com.m365console.platform.graphql.UserError;

/** Schema type {@code CheckMailboxConnectionPayload}. */
public record CheckMailboxConnectionPayload(MailboxView mailbox, boolean imapOk, boolean smtpOk,
        List<FolderView> folders, List<UserError> errors) {
    static CheckMailboxConnectionPayload refused(UserError error) {
        return new CheckMailboxConnectionPayload(null, false, false, List.of(), List.of(error));
    }
}
