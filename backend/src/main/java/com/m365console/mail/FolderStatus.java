package com.m365console.mail;

/** An IMAP folder as selected for synchronisation: highestModSeq is null when the server lacks CONDSTORE. */
public record FolderStatus(long uidValidity, long uidNext, int messageCount, Long highestModSeq) {}
