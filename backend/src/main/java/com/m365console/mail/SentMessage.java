package com.m365console.mail;

import java.time.OffsetDateTime;
import java.util.List;

/** What the SMTP server accepted, so the caller can file and show the sent message. */
public record SentMessage(String messageId, OffsetDateTime sentAt, List<String> recipients) {

    public SentMessage {
        recipients = List.copyOf(recipients);
    }
}
