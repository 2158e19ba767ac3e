// Help and hint texts of the Email Synchronization Settings fields, including what the schedule does not govern.
export const EMAIL_SYNC_HELP = {
  enabled:
    'Synchronises the selected folders of every connected mailbox on a schedule. Switch it off to stop the scheduled runs, for instance during maintenance.',
  intervalMinutes:
    'How long to wait between two scheduled synchronisations of the same mailbox, in whole minutes from 1 to 1440 (one day).',
  maxConcurrent:
    'How many mailboxes each server instance synchronises at the same time, from 1 to 64. More finishes a round sooner but opens more connections to the mail servers at once.',
} as const;

export const ENABLED_NOTE =
  '"Sync now" on a mailbox works either way. While this is enabled, new mail in INBOX is also pushed as it arrives (IMAP IDLE).';
export const INTERVAL_HINT = 'Whole minutes, 1 to 1440';
export const MAX_CONCURRENT_HINT = 'Mailboxes at once per server instance, 1 to 64';
