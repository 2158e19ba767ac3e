package com.m365console.sync;

import com.m365console.graph.GraphFlag;
import com.m365console.graph.GraphMessage;
import com.m365console.mail.Attachment;
import com.m365console.mail.FetchedMessage;
import com.m365console.mail.MessageFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the store keeps of a Graph message, in the shape IMAP's rows have so the reader needs no second path: the
 * body as HTML or text by its content type (Graph gives one of them, already decoded), {@code internetMessageId} as
 * the Message-ID, read state as SEEN and a follow-up flag as FLAGGED (a completed flag is no longer flagged, as
 * Exchange shows it over IMAP). Graph reports no size without an extended property: stored as 0 (unknown).
 */
final class GraphMessageRows {

    /** The flags Graph decides; the others (ANSWERED, DRAFT, DELETED) stay as IMAP left them on an adopted row. */
    private static final Set<MessageFlag> GRAPH_FLAGS = EnumSet.of(MessageFlag.SEEN, MessageFlag.FLAGGED);

    private GraphMessageRows() {}

    static FetchedMessage row(long uid, GraphMessage message, List<Attachment> attachments) {
        return new FetchedMessage(
                uid,
                message.internetMessageId(),
                message.inReplyTo(),
                message.subject(),
                message.from(),
                message.to(),
                message.cc(),
                message.sentDateTime(),
                message.receivedDateTime(),
                0,
                flags(message),
                message.html() ? null : message.body(),
                message.html() ? message.body() : null,
                false,
                attachments);
    }

    static Set<MessageFlag> flags(GraphMessage message) {
        Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        if (message.read()) {
            flags.add(MessageFlag.SEEN);
        }
        if (message.flag() == GraphFlag.FLAGGED) {
            flags.add(MessageFlag.FLAGGED);
        }
        return flags;
    }

    /** A stored row's flags after Graph's news: SEEN and FLAGGED as Graph says, the rest as stored. */
    static Set<MessageFlag> merged(Set<MessageFlag> stored, GraphMessage message) {
        Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
        stored.stream().filter(flag -> !GRAPH_FLAGS.contains(flag)).forEach(flags::add);
        flags.addAll(flags(message));
        return flags;
    }
}
