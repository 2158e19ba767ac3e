package com.m365console.mailbox;

import java.util.UUID;

/** Schema input {@code MailboxIdInput}: names one mailbox; public, as other features' mutations take it too. */
public record MailboxIdInput(UUID mailboxId) {}
