package com.m365console.mail;

/** A sender or recipient as read from a message: the display name (decoded, may be null) and the address. */
public record MailAddress(String name, String address) {}
