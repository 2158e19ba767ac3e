package com.m365console.mailbox;

import java.util.List;
import java.util.UUID;

/** Schema input {@code SendEmailInput}. */
public record SendEmailInput(
        UUID mailboxId, List<String> to, List<String> cc, List<String> bcc, String subject, String text, String html) {}
