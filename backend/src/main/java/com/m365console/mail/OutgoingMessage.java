package com.m365console.mail;

import java.util.List;

/** What a user asked to send; the sender is always the mailbox's own address. */
public record OutgoingMessage(
        String fromName, List<String> to, List<String> cc, List<String> bcc, String subject, String text, String html) {

    public OutgoingMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
    }
}
