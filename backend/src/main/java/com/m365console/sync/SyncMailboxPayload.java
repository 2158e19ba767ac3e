package com.m365console.sync;

import java.util.List;

import com.m365console.platform.graphql.UserError;

/** Schema payload {@code SyncMailboxPayload}: the run's last status (BUSY while another instance runs it), or errors. */
public record SyncMailboxPayload(SyncStatus status, List<UserError> errors) {
}
