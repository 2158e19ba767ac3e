/**
 * Keeping connected mailboxes synchronised, and telling everyone how it goes.
 *
 * <h2>The path of one run</h2>
 * <ol>
 * <li>Someone asks: "Sync now" ({@code SyncController.syncMailbox}), the schedule ({@code SyncScheduler}, every few
 * seconds, for mailboxes whose {@code mailbox_sync.next_attempt_at} has come) or the INBOX push watcher
 * ({@code InboxPushWatcher}, over its IDLE connection).</li>
 * <li>{@code MailboxSynchronizer} makes it the only run of that mailbox: a second request in this instance joins the
 * running run; across instances the SYNC lease ({@code SyncLeases}, a row in {@code sync_lease}) decides, renewed by a
 * heartbeat and released on every outcome; another holder means {@link com.m365console.sync.SyncOutcome.Busy}.</li>
 * <li>{@code SyncRun} does the work, top-down: connect once ({@code ImapConnector}: refuse, refresh, retry through
 * {@code mailbox.MailboxLogin}); per folder check UIDVALIDITY, skip it when UIDNEXT says nothing is new, fetch and
 * store batches (each with its checkpoint, in one transaction: {@code MailStore}), reconcile flags and deletions.</li>
 * <li>Whatever stops it becomes a {@link com.m365console.sync.SyncOutcome} ({@code SyncFailures}), which is logged,
 * published ({@code SyncEvents} over {@code SyncEventBus}: PostgreSQL NOTIFY to every instance's subscribers) and
 * recorded with the next attempt's time ({@code SyncSchedule}: seconds after a failure, doubling while failures go
 * on).</li>
 * </ol>
 *
 * <p>Over Microsoft Graph ({@code MailboxSynchronizer.syncOverGraph}, the same lease, steps, outcome and record; the
 * dispatch by {@code mailbox.transport} is still to come), {@code GraphSyncRun} takes a {@code GraphTokenSource},
 * reads the folder tree once, finds the selected folders on it by {@code GraphFolderNames} (the inbox is
 * {@code INBOX}, other folders their path, {@code Inbox/Projects}), and per folder runs delta from the stored
 * checkpoint; {@code GraphMailStore} stores each page with its checkpoint in one transaction into the same tables
 * ({@code GraphPagePlan}: by Graph id, else adopting an IMAP row by Message-ID, else a new row with the folder's next
 * UID). A lost delta token starts the folder's round over; a full round's end removes the rows it did not see.
 *
 * <p>Pushed mail: {@code InboxPushWatchers} holds a PUSH lease per mailbox and runs an {@code InboxPushWatcher}
 * for it as tasks on a small shared pool (IDLE itself waits in one selector: {@code mail.SharedIdle}), which writes how it goes (CONNECTING, WATCHING, RECONNECTING, FAILING, OFF: {@code PushStateWriter}
 * into {@code mailbox_push}); {@code PushStatuses} reads that back only under a live lease, so every instance shows
 * {@code Mailbox.push} the same.
 *
 * <p>The seams {@link com.m365console.mail.FolderConnection}, {@link com.m365console.mail.FolderReader} and
 * {@code MessageStore} let the sync rules run in memory in unit tests ({@code SyncRunTest}).
 */
package com.m365console.sync;
