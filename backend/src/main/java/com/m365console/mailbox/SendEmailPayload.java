package com.m365console.mailbox;

import com.m365console.mailbox.MailboxService.SentMessage;
import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema type {@code SendEmailPayload}. */
public record SendEmailPayload(SentMessage sentMessage, List<UserError> errors) {
    static SendEmailPayload refused(UserError error) {
        return new SendEmailPayload(null, List.of(error));
    }
}
