package com.m365console.graph;

import com.m365console.mail.MailAddress;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads Graph's message JSON (as selected for delta) into a {@link GraphMessage}. */
final class GraphMessages {

    /** The properties a delta page is asked for: what the store keeps, and nothing more. */
    static final String SELECT = "id,changeKey,internetMessageId,internetMessageHeaders,subject,from,toRecipients,"
            + "ccRecipients,receivedDateTime,sentDateTime,isRead,flag,hasAttachments,body,bodyPreview,conversationId,"
            + "parentFolderId";

    private GraphMessages() {}

    static GraphMessage read(JsonNode m) {
        return new GraphMessage(
                text(m, "id"),
                text(m, "changeKey"),
                text(m, "internetMessageId"),
                header(m, "In-Reply-To"),
                header(m, "References"),
                text(m, "subject"),
                m.hasNonNull("from") ? address(m.get("from")) : null,
                addresses(m.path("toRecipients")),
                addresses(m.path("ccRecipients")),
                time(m, "receivedDateTime"),
                time(m, "sentDateTime"),
                m.path("isRead").asBoolean(false),
                GraphFlag.of(m.path("flag").path("flagStatus").asString(null)),
                m.path("hasAttachments").asBoolean(false),
                "html".equalsIgnoreCase(m.path("body").path("contentType").asString("")),
                m.path("body").path("content").asString(null),
                text(m, "bodyPreview"),
                text(m, "conversationId"),
                text(m, "parentFolderId"));
    }

    private static List<MailAddress> addresses(JsonNode recipients) {
        List<MailAddress> list = new ArrayList<>();
        recipients.forEach(r -> list.add(address(r)));
        return List.copyOf(list);
    }

    private static MailAddress address(JsonNode recipient) {
        JsonNode email = recipient.path("emailAddress");
        return new MailAddress(
                email.path("name").asString(null), email.path("address").asString(null));
    }

    private static String header(JsonNode message, String name) {
        for (JsonNode header : message.path("internetMessageHeaders")) {
            if (name.equalsIgnoreCase(header.path("name").asString(""))) {
                return header.path("value").asString(null);
            }
        }
        return null;
    }

    private static OffsetDateTime time(JsonNode message, String field) {
        String value = text(message, field);
        return value == null ? null : OffsetDateTime.parse(value);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }
}
