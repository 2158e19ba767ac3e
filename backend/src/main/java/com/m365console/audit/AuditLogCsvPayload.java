package com.m365console.audit;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** The GraphQL type {@code AuditLogCsvPayload}: the CSV, or why there is none. */
record AuditLogCsvPayload(String csv, int rowCount, List<UserError> errors) {

    static AuditLogCsvPayload refused(UserError error) {
        return new AuditLogCsvPayload(null, 0, List.of(error));
    }
}
