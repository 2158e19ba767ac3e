package com.m365console.mail;

/** A folder found on the IMAP server, for the user to choose which folders to synchronise. */
public record MailFolder(String fullName, String name, int messageCount, boolean holdsMessages) {}
