package com.m365console.mail;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One message read for synchronisation: unreadable fields are null; bodyTruncated = a stored body is incomplete. */
public record FetchedMessage(
        long uid,
        String messageId,
        String inReplyTo,
        String subject,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        OffsetDateTime sentAt,
        OffsetDateTime receivedAt,
        long size,
        Set<MessageFlag> flags,
        String textBody,
        String htmlBody,
        boolean bodyTruncated,
        List<Attachment> attachments) {

    public FetchedMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message the server refuses to give: stored with its UID and listed attachments only, marked incomplete. */
    public static FetchedMessage unreadable(long uid, List<Attachment> attachments) {
        return new FetchedMessage(
                uid, null, null, null, null, null, null, null, null, 0, null, null, null, true, attachments);
    }
}
