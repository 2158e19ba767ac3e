package com.m365console.sync;

import com.m365console.platform.graphql.UserError;
import java.util.List;

/** Schema payload {@code SyncMailboxPayload}: the run's last status (BUSY while another instance runs it), or errors. */
public record SyncMailboxPayload(SyncStatus status, List<UserError> errors) {}
