package com.m365console.testsupport.microsoft.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST .../sendMail} as Graph documents it: the body is {@code {message, saveToSentItems}}; the message needs
 * a valid recipient; Graph answers 202 with no body and, unless {@code saveToSentItems} is false, files a copy in
 * the sender's Sent Items. A {@code internetMessageId} the client gives is kept, else Exchange makes one up.
 */
final class SendMailRoute {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JsonMapper json;
    private final List<SentMail> sent;

    SendMailRoute(JsonMapper json, List<SentMail> sent) {
        this.json = json;
        this.sent = sent;
    }

    GraphResponse send(MailboxTarget target, GraphRequest request) throws GraphRefusal {
        JsonNode body;
        try {
            body = json.readTree(request.body() == null ? "" : request.body());
        } catch (RuntimeException notJson) {
            body = null;
        }
        if (body == null || !body.path("message").isObject()) {
            throw new GraphRefusal(
                    GraphErrorJson.error(400, "UnableToDeserializePostBody", "were unable to deserialize ", request));
        }
        JsonNode message = body.get("message");
        List<String> to = addresses(message.path("toRecipients"), request);
        List<String> cc = addresses(message.path("ccRecipients"), request);
        List<String> bcc = addresses(message.path("bccRecipients"), request);
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new GraphRefusal(GraphErrorJson.error(
                    400, "ErrorInvalidRecipients", "At least one recipient is not valid.", request));
        }
        String subject = message.path("subject").asString("");
        String bodyType =
                message.path("body").path("contentType").asString("text").toLowerCase(Locale.ROOT);
        String content = message.path("body").path("content").asString("");
        String messageId = message.hasNonNull("internetMessageId")
                ? message.get("internetMessageId").asString()
                : "<" + FakeMailbox.newId("").replaceAll("[^A-Za-z0-9]", "") + "@"
                        + target.mailbox()
                                .address()
                                .substring(target.mailbox().address().indexOf('@') + 1) + ">";
        boolean save = !body.hasNonNull("saveToSentItems")
                || body.get("saveToSentItems").asBoolean();
        String sentItemId = null;
        if (save) {
            FakeMailbox mailbox = target.mailbox();
            SeedMessage copy = SeedMessage.of(subject, mailbox.address())
                    .to(to.toArray(String[]::new))
                    .cc(cc.toArray(String[]::new))
                    .messageId(messageId)
                    .read(true);
            copy = "html".equals(bodyType) ? copy.html(content) : copy.text(content);
            sentItemId = mailbox.add(mailbox.folderId("sentitems"), copy);
        }
        String sentBy =
                target.caller().appOnly() ? null : target.caller().grant().email();
        sent.add(new SentMail(
                target.mailbox().address(), sentBy, to, cc, bcc, subject, bodyType, content, messageId, sentItemId));
        return new GraphResponse(202, new java.util.LinkedHashMap<>(), null);
    }

    private static List<String> addresses(JsonNode recipients, GraphRequest request) throws GraphRefusal {
        List<String> addresses = new ArrayList<>();
        for (JsonNode recipient : recipients) {
            String address = recipient.path("emailAddress").path("address").asString("");
            if (!ADDRESS.matcher(address).matches()) {
                throw new GraphRefusal(GraphErrorJson.error(
                        400, "ErrorInvalidRecipients", "At least one recipient is not valid.", request));
            }
            addresses.add(address);
        }
        return addresses;
    }
}
