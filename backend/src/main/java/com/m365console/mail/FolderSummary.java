package com.m365console.mail;

/**
 * What IMAP STATUS tells of a folder without opening it: enough for a run to see that nothing arrived, left or was
 * read since it last looked (no CONDSTORE needed: Exchange Online has none).
 */
public record FolderSummary(long uidValidity, long uidNext, int messages, int unseen) {}
