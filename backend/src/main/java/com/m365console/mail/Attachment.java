package com.m365console.mail;

/** An attachment listed from the body structure (never downloaded): fileName may be null, size is approximate. */
public record Attachment(String fileName, String contentType, long size, boolean inline) {}
