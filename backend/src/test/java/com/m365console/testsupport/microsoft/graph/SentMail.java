package com.m365console.testsupport.microsoft.graph;

import java.util.List;

/**
 * A message the fake Graph accepted through {@code sendMail}, for tests to check what left: the mailbox it was sent
 * from, the account whose token sent it, the recipients, subject and body as Graph's message JSON carried them, the
 * Message-ID it went out with, and the Graph id of its copy in Sent Items (null when not saved).
 */
public record SentMail(
        String from,
        String sentBy,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String bodyType,
        String body,
        String internetMessageId,
        String sentItemId) {}
