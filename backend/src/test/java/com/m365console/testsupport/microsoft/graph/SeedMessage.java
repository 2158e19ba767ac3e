package com.m365console.testsupport.microsoft.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message a test puts into a fake mailbox, built with withers: {@code SeedMessage.of("Hi", "dana@contoso.com")
 * .to("adele@contoso.com").html("<p>Hi</p>").read(true)}.
 */
public record SeedMessage(
        String subject,
        Address from,
        List<Address> to,
        List<Address> cc,
        Instant received,
        boolean read,
        String flagStatus,
        String bodyType,
        String body,
        List<Attachment> attachments,
        String internetMessageId,
        String inReplyTo) {

    /** A sender or recipient: {@code emailAddress { name, address }} in Graph's JSON. */
    public record Address(String name, String address) {}

    /** An attachment's metadata as Graph lists it. */
    public record Attachment(String name, String contentType, int size) {}

    public static SeedMessage of(String subject, String from) {
        return new SeedMessage(
                subject,
                new Address(null, from),
                List.of(),
                List.of(),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                false,
                "notFlagged",
                "text",
                "",
                List.of(),
                null,
                null);
    }

    public SeedMessage from(String name, String address) {
        return new SeedMessage(
                subject,
                new Address(name, address),
                to,
                cc,
                received,
                read,
                flagStatus,
                bodyType,
                body,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    public SeedMessage to(String... addresses) {
        return new SeedMessage(
                subject,
                from,
                addresses(addresses),
                cc,
                received,
                read,
                flagStatus,
                bodyType,
                body,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    public SeedMessage cc(String... addresses) {
        return new SeedMessage(
                subject,
                from,
                to,
                addresses(addresses),
                received,
                read,
                flagStatus,
                bodyType,
                body,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    public SeedMessage receivedAt(Instant at) {
        return new SeedMessage(
                subject, from, to, cc, at, read, flagStatus, bodyType, body, attachments, internetMessageId, inReplyTo);
    }

    public SeedMessage read(boolean isRead) {
        return new SeedMessage(
                subject,
                from,
                to,
                cc,
                received,
                isRead,
                flagStatus,
                bodyType,
                body,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    /** {@code notFlagged}, {@code flagged} or {@code complete}. */
    public SeedMessage flag(String status) {
        return new SeedMessage(
                subject,
                from,
                to,
                cc,
                received,
                read,
                status,
                bodyType,
                body,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    public SeedMessage text(String content) {
        return new SeedMessage(
                subject,
                from,
                to,
                cc,
                received,
                read,
                flagStatus,
                "text",
                content,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    public SeedMessage html(String content) {
        return new SeedMessage(
                subject,
                from,
                to,
                cc,
                received,
                read,
                flagStatus,
                "html",
                content,
                attachments,
                internetMessageId,
                inReplyTo);
    }

    public SeedMessage attachment(String name, String contentType, int size) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(name, contentType, size));
        return new SeedMessage(
                subject,
                from,
                to,
                cc,
                received,
                read,
                flagStatus,
                bodyType,
                body,
                List.copyOf(more),
                internetMessageId,
                inReplyTo);
    }

    /** The Message-ID header; without it the fake makes one up, as Exchange does for mail it creates. */
    public SeedMessage messageId(String id) {
        return new SeedMessage(
                subject, from, to, cc, received, read, flagStatus, bodyType, body, attachments, id, inReplyTo);
    }

    public SeedMessage inReplyTo(String messageId) {
        return new SeedMessage(
                subject,
                from,
                to,
                cc,
                received,
                read,
                flagStatus,
                bodyType,
                body,
                attachments,
                internetMessageId,
                messageId);
    }

    private static List<Address> addresses(String... addresses) {
        return java.util.Arrays.stream(addresses).map(a -> new Address(null, a)).toList();
    }
}
