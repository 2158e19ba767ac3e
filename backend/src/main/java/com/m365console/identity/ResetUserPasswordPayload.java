package com.m365console.identity;

import com.m365console.platform.graphql.UserError;
import java.time.OffsetDateTime;
import java.util.List;

/** Result of {@code resetUserPassword}: the one-time password, returned here only, or why nothing changed. */
public record ResetUserPasswordPayload(
        UserAccount user, String oneTimePassword, OffsetDateTime oneTimePasswordExpiresAt, List<UserError> errors) {

    static ResetUserPasswordPayload of(UserAccount user, String oneTimePassword) {
        return new ResetUserPasswordPayload(user, oneTimePassword, user.oneTimePasswordExpiresAt(), List.of());
    }

    static ResetUserPasswordPayload refused(UserError error) {
        return new ResetUserPasswordPayload(null, null, null, List.of(error));
    }

    /** Never prints the password, should the payload reach a log line. */
    @Override
    public String toString() {
        return "ResetUserPasswordPayload[user=" + (user == null ? null : user.username()) + ", errors=" + errors + "]";
    }
}
