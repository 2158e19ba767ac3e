package com.m365console.mailbox;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.util.List;

/** Schema type {@code StartMailboxConnectionPayload}. */
public record StartMailboxConnectionPayload(String authorizationUrl, List<UserError> errors) {
    static StartMailboxConnectionPayload refused(String field, UserErrorCode code, String message) {
        return new StartMailboxConnectionPayload(null, List.of(new UserError(field, code, message)));
    }
}
