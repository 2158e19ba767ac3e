package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.util.List;
import java.util.UUID;

/** Result of {@code deleteUser}: the deleted account's id and how many mailboxes were kept, or why not. */
public record DeleteUserPayload(UUID deletedUserId, long keptMailboxes, List<UserError> errors) {

    static DeleteUserPayload of(UUID deletedUserId, long keptMailboxes) {
        return new DeleteUserPayload(deletedUserId, keptMailboxes, List.of());
    }

    static DeleteUserPayload refused(UserError error) {
        return new DeleteUserPayload(null, 0, List.of(error));
    }
}
