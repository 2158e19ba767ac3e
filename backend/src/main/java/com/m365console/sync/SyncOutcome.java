package com.m365console.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/** How one synchronisation run of a mailbox ended, for callers to branch on; its published form is a {@link SyncStatus}. */
public sealed interface SyncOutcome {

    /**
     * Stored what was new; {@code skippedFolders} are selected folders the server no longer has, {@code renumbered}
     * folders the server renumbered (new UIDVALIDITY), whose mail was therefore stored anew, {@code readAgain}
     * folders whose sync state Microsoft Graph no longer knew (an expired delta token), read again in full.
     */
    record Succeeded(
            int newMessages,
            Duration took,
            List<String> skippedFolders,
            List<String> renumbered,
            List<String> readAgain)
            implements SyncOutcome {
        public Succeeded {
            skippedFolders = List.copyOf(skippedFolders);
            renumbered = List.copyOf(renumbered);
            readAgain = List.copyOf(readAgain);
        }

        @Override
        public SyncStatus status(UUID mailboxId) {
            String reason = String.join(
                    " ",
                    Stream.of(skippedReason(skippedFolders), renumberedReason(renumbered), readAgainReason(readAgain))
                            .filter(Objects::nonNull)
                            .toList());
            return SyncStatus.succeeded(mailboxId, newMessages, took.toMillis(), reason.isEmpty() ? null : reason);
        }

        private static String readAgainReason(List<String> folders) {
            return folders.isEmpty()
                    ? null
                    : (folders.size() == 1 ? "Folder " : "Folders ") + quoted(folders)
                            + (folders.size() == 1 ? " was" : " were")
                            + " read again in full: Microsoft Graph no longer knew "
                            + (folders.size() == 1 ? "its" : "their") + " sync state.";
        }

        private static String renumberedReason(List<String> folders) {
            return folders.isEmpty()
                    ? null
                    : "The mail server renumbered " + quoted(folders) + " (new UIDVALIDITY), " + "so "
                            + (folders.size() == 1 ? "its" : "their") + " mail was synchronised again from the start.";
        }

        private static String quoted(List<String> folders) {
            return String.join(
                    ", ", folders.stream().map(name -> "\"" + name + "\"").toList());
        }

        /** A selected folder the server no longer has is skipped, not a failure of the whole mailbox's run. */
        private static String skippedReason(List<String> gone) {
            return gone.isEmpty()
                    ? null
                    : "Skipped " + (gone.size() == 1 ? "folder " : "folders ") + quoted(gone)
                            + ": the mail server no longer has " + (gone.size() == 1 ? "it" : "them")
                            + ". Choose the folders again after Check connection.";
        }
    }

    /** Another run of this mailbox holds its lease (on another instance, or this instance's push watcher). */
    record Busy() implements SyncOutcome {
        @Override
        public SyncStatus status(UUID mailboxId) {
            return SyncStatus.ended(
                    mailboxId,
                    SyncState.BUSY,
                    "Another synchronisation of this mailbox is running now; its progress shows here.");
        }
    }

    /**
     * Stopped on a failure that may pass by itself (connection, server, database); {@code storedBeforeFailure}
     * messages were stored first, which counts as progress for the retry backoff.
     */
    record Failed(String reason, int storedBeforeFailure, Duration took) implements SyncOutcome {
        @Override
        public SyncStatus status(UUID mailboxId) {
            return SyncStatus.ended(mailboxId, SyncState.FAILED, reason);
        }
    }

    /** Microsoft refused the stored sign-in: someone must reconnect the mailbox. */
    record NeedsReauth(String reason) implements SyncOutcome {
        @Override
        public SyncStatus status(UUID mailboxId) {
            return SyncStatus.ended(mailboxId, SyncState.NEEDS_REAUTH, reason);
        }
    }

    /** Microsoft renewed the sign-in but the mail server still refuses it: {@code reason} says what to fix. */
    record AccessRefused(String reason) implements SyncOutcome {
        @Override
        public SyncStatus status(UUID mailboxId) {
            return SyncStatus.ended(mailboxId, SyncState.ACCESS_REFUSED, reason);
        }
    }

    /** The mailbox is not connected (disconnected, or gone). */
    record NotConnected(String reason) implements SyncOutcome {
        @Override
        public SyncStatus status(UUID mailboxId) {
            return SyncStatus.ended(mailboxId, SyncState.DISABLED, reason);
        }
    }

    /** The status that tells subscribers and the caller how the run ended (BUSY is never published). */
    SyncStatus status(UUID mailboxId);
}
