package com.m365console.graph;

import java.util.List;

/**
 * A message to send through Graph's {@code sendMail}: recipients, subject, a text or HTML body (HTML wins when both
 * are given, as Graph's message has one body; Exchange adds the text part itself), and the Message-ID the caller
 * chose, which Graph's {@code internetMessageId} carries, since {@code sendMail} answers 202 with nothing to say.
 */
public record GraphOutgoingMessage(
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String text,
        String html,
        String internetMessageId) {

    public GraphOutgoingMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
    }

    /** Everyone the message goes to, To then Cc then Bcc. */
    public List<String> recipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }
}
