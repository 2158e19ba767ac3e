package com.m365console.mailbox;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code MailboxPayload}. */
public record MailboxPayload(MailboxView mailbox, List<UserError> errors) {
    static MailboxPayload of(MailboxView mailbox) {
        return new MailboxPayload(mailbox, List.of());
    }

    static MailboxPayload refused(UserError error) {
        return new MailboxPayload(null, List.of(error));
    }
}
