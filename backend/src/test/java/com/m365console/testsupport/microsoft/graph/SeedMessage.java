package com.m365console.testsupport.microsoft.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
        return with(copy -> copy.from = new Address(name, address));
    }

    public SeedMessage to(String... addresses) {
        return with(copy -> copy.to = addresses(addresses));
    }

    public SeedMessage cc(String... addresses) {
        return with(copy -> copy.cc = addresses(addresses));
    }

    public SeedMessage receivedAt(Instant at) {
        return with(copy -> copy.received = at);
    }

    public SeedMessage read(boolean isRead) {
        return with(copy -> copy.read = isRead);
    }

    /** {@code notFlagged}, {@code flagged} or {@code complete}. */
    public SeedMessage flag(String status) {
        return with(copy -> copy.flagStatus = status);
    }

    public SeedMessage text(String content) {
        return with(copy -> {
            copy.bodyType = "text";
            copy.body = content;
        });
    }

    public SeedMessage html(String content) {
        return with(copy -> {
            copy.bodyType = "html";
            copy.body = content;
        });
    }

    public SeedMessage attachment(String name, String contentType, int size) {
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(name, contentType, size));
        return with(copy -> copy.attachments = List.copyOf(more));
    }

    /** The Message-ID header; without it the fake makes one up, as Exchange does for mail it creates. */
    public SeedMessage messageId(String id) {
        return with(copy -> copy.internetMessageId = id);
    }

    public SeedMessage inReplyTo(String messageId) {
        return with(copy -> copy.inReplyTo = messageId);
    }

    /** This message with the change applied to a copy of its fields: the record itself never changes. */
    private SeedMessage with(Consumer<Fields> change) {
        Fields copy = new Fields(this);
        change.accept(copy);
        return copy.message();
    }

    /** The fields of a message while a wither changes them. */
    private static final class Fields {
        String subject;
        Address from;
        List<Address> to;
        List<Address> cc;
        Instant received;
        boolean read;
        String flagStatus;
        String bodyType;
        String body;
        List<Attachment> attachments;
        String internetMessageId;
        String inReplyTo;

        Fields(SeedMessage m) {
            subject = m.subject;
            from = m.from;
            to = m.to;
            cc = m.cc;
            received = m.received;
            read = m.read;
            flagStatus = m.flagStatus;
            bodyType = m.bodyType;
            body = m.body;
            attachments = m.attachments;
            internetMessageId = m.internetMessageId;
            inReplyTo = m.inReplyTo;
        }

        SeedMessage message() {
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
                    inReplyTo);
        }
    }

    private static List<Address> addresses(String... addresses) {
        return java.util.Arrays.stream(addresses).map(a -> new Address(null, a)).toList();
    }
}
